# Writes a realistic history of about N records (awk -v n=N): sessions of
# ankle-foundations on Mon, Wed and Fri with their sets, pain ratings, morning ratings.
BEGIN {
	srand(42)
	print "# talus history v1"
	print "2020-01-01T07:00:00+01:00\tsafety"
	count = 1
	day = 0
	while (count < n) {
		split("31 28 31 30 31 30 31 31 30 31 30 31", dim, " ")
		y = 2020 + int(day / 365); d = day % 365; m = 1
		while (d >= dim[m]) { d -= dim[m]; m++ }
		date = sprintf("%04d-%02d-%02d", y, m, d + 1)
		if (day % 7 == 0 || day % 7 == 2 || day % 7 == 4) {
			id = sprintf("%sT0730%02d-%04x", date, day % 60, int(rand() * 65536))
			printf "%sT07:30:00+01:00\tstart\tsession=%s\tprogram=ankle-foundations\tlevel=%d\tplanned=28\n", date, id, 1 + int(day / 30) % 6
			count++
			for (s = 1; s <= 28 && count < n; s++) {
				side = s % 2 ? "left" : "right"
				printf "%sT07:%02d:%02d+01:00\tset\tsession=%s\texercise=single-leg-balance\tside=%s\tset=%d\tsecs=%d\ttarget=30\n", date, 31 + int(s / 2), s % 60, id, side, int((s + 1) / 2), 25 + int(rand() * 10)
				count++
			}
			printf "%sT07:52:00+01:00\tend\tsession=%s\tstatus=done\tpain-during=%d\tpain-after=%d\tsecs=1300\n", date, id, int(rand() * 4), int(rand() * 3)
			count++
		} else {
			printf "%sT07:00:00+01:00\tmorning\tpain=%d\n", date, int(rand() * 3)
			count++
		}
		day++
	}
}
