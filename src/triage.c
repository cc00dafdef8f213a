#include "triage.h"

#include <stdio.h>

const struct triage_question_text triage_questions[TQ_COUNT] = {
	[TQ_SIDE] = { "Which ankle is sore?", 3, { "Left", "Right", "Both" } },
	[TQ_ONSET] = { "How did it start?", 2,
		       { "With a twist or a fall", "Gradually, from running or walking" } },
	[TQ_SINCE] = { "How long ago did it start?", 4,
		       { "Under 3 weeks", "3 weeks to 3 months", "3 to 12 months", "Over a year" } },
	[TQ_WHERE] = { "Where does it hurt most?", 5,
		       { "The back of the heel, where the tendon meets the bone",
			 "The tendon above the heel, 2 to 6 cm up",
			 "The outer side of the ankle",
			 "Behind the bony bump on the outer ankle",
			 "One spot on a bone" } },
	[TQ_GIVES_WAY] = { "Does the ankle give way, or feel as if it will?", 2, { "Yes", "No" } },
};

void triage_answers_init(struct triage_answers *a)
{
	for (int q = 0; q < TQ_COUNT; q++)
		a->answer[q] = -1;
}

const char *pathway_title(enum pathway p)
{
	static const char *const title[PATHWAY_COUNT] = {
		[PATHWAY_ACUTE_SPRAIN] = "A recent ankle sprain",
		[PATHWAY_MIDPORTION_ACHILLES] = "Midportion Achilles tendon pain",
		[PATHWAY_INSERTIONAL_ACHILLES] = "Insertional Achilles tendon pain",
		[PATHWAY_CHRONIC_INSTABILITY] = "An ankle that gives way",
		[PATHWAY_PERONEAL] = "Peroneal tendon pain",
		[PATHWAY_BONE_STRESS] = "A possible bone stress injury",
	};

	return (int)p < PATHWAY_COUNT ? title[p] : "";
}

/* What each pathway means for the runner, and where it comes from (rehab.md). */
static const char *const pathway_why[PATHWAY_COUNT] = {
	[PATHWAY_ACUTE_SPRAIN] =
		"Protect it for 1-3 days, move it and walk as it allows, then balance, bands and "
		"heel raises; a brace or tape for 4-6 weeks back in sport (PEACE & LOVE, Dubois & "
		"Esculier 2020; Vuurberg 2018).",
	[PATHWAY_MIDPORTION_ACHILLES] =
		"Tendon loading: heel raises that build to heavy and slow, pain up to 5/10 allowed "
		"if it settles by the next morning (Silbernagel 2020; Beyer 2015).",
	[PATHWAY_INSERTIONAL_ACHILLES] =
		"Heel raises and lowering on the floor, not off a step, and no calf stretches: the "
		"tendon is pressed against the bone when the ankle bends up past flat (Silbernagel "
		"2020; Jonsson 2008).",
	[PATHWAY_CHRONIC_INSTABILITY] =
		"Balance and hop-stabilisation three times a week for 8 weeks or more, with bands: "
		"it cuts the sprains that come back (Hupperets 2009; Hall 2015 and 2018).",
	[PATHWAY_PERONEAL] =
		"Strength turning the foot outward against a band, and balance (consensus).",
	[PATHWAY_BONE_STRESS] =
		"No hopping and no running until a clinician has seen it: pain at one spot on a "
		"bone can be a stress injury, and some sites heal badly when loaded (Warden 2014).",
};

bool triage_past_protect(const struct triage_answers *a)
{
	return a->answer[TQ_ONSET] == ONSET_TWIST && a->answer[TQ_SINCE] != SINCE_UNDER_3_WEEKS;
}

enum pathway triage_propose(const struct triage_answers *a, char *why, size_t len)
{
	const int *ans = a->answer;
	bool twist = ans[TQ_ONSET] == ONSET_TWIST;
	bool recent = ans[TQ_SINCE] == SINCE_UNDER_3_WEEKS;
	enum pathway p;
	const char *because;

	/* the order is the order of caution: a bone first, then a fresh sprain */
	if (ans[TQ_WHERE] == SITE_BONE_SPOT) {
		p = PATHWAY_BONE_STRESS;
		because = "It hurts at one spot on a bone.";
	} else if (twist && recent) {
		p = PATHWAY_ACUTE_SPRAIN;
		because = "You twisted it under 3 weeks ago.";
	} else if (ans[TQ_GIVES_WAY] == ANSWER_YES) {
		p = PATHWAY_CHRONIC_INSTABILITY;
		because = "It gives way.";
	} else if (ans[TQ_WHERE] == SITE_INSERTION) {
		p = PATHWAY_INSERTIONAL_ACHILLES;
		because = "It hurts where the tendon meets the heel bone.";
	} else if (ans[TQ_WHERE] == SITE_MIDPORTION) {
		p = PATHWAY_MIDPORTION_ACHILLES;
		because = "It hurts in the tendon above the heel.";
	} else if (ans[TQ_WHERE] == SITE_BEHIND_OUTER_BONE) {
		p = PATHWAY_PERONEAL;
		because = "It hurts behind the outer ankle bone.";
	} else if (twist) {
		p = PATHWAY_ACUTE_SPRAIN; /* an older sprain: its later stages */
		because = "It started with a twist, over 3 weeks ago: the sprain pathway from its "
			  "later stages.";
	} else {
		p = PATHWAY_PERONEAL; /* outer-ankle pain that came on gradually: the tendons there */
		because = "Outer-ankle pain that came on gradually is most often the peroneal "
			  "tendons.";
	}
	snprintf(why, len, "%s %s", because, pathway_why[p]);
	return p;
}
