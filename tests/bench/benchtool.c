/* Helpers for tests/bench.sh, where a shell is too coarse:
 *   benchtool runs N CMD ARGS...   runs CMD N times, prints median min max wall ms
 *   benchtool stamp FILE CMD ...   writes CLOCK_MONOTONIC ms to FILE, then execs CMD */
#define _POSIX_C_SOURCE 200809L
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	if (argc >= 4 && strcmp(argv[1], "runs") == 0) {
		int n = atoi(argv[2]);
		double *t = calloc((size_t)n, sizeof(*t));

		for (int i = 0; i < n; i++) {
			double start = now_ms();
			pid_t pid = fork();
			int status;
			if (pid == 0) {
				int null = open("/dev/null", O_WRONLY);
				dup2(null, 1);
				dup2(null, 2);
				execvp(argv[3], argv + 3);
				_exit(127);
			}
			waitpid(pid, &status, 0);
			t[i] = now_ms() - start;
			if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
				fprintf(stderr, "benchtool: %s failed\n", argv[3]);
				return 1;
			}
		}
		qsort(t, (size_t)n, sizeof(*t), by_value);
		printf("%.2f %.2f %.2f\n", t[n / 2], t[0], t[n - 1]);
		return 0;
	}
	if (argc >= 4 && strcmp(argv[1], "stamp") == 0) {
		FILE *f = fopen(argv[2], "w");
		if (!f)
			return 1;
		fprintf(f, "%.0f\n", now_ms());
		fclose(f);
		execvp(argv[3], argv + 3);
		return 127;
	}
	fputs("usage: benchtool runs N CMD... | benchtool stamp FILE CMD...\n", stderr);
	return 2;
}
