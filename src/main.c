/* talus: read the command line, load what its command needs, run the command. */
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "commands.h"

/* As GNU's close_stdout: output that could not be written (a full disk, a closed
 * stdout, a pipe gone) is a failure, said once at the end. */
static int close_stdout(int status)
{
	bool bad = ferror(stdout) != 0;
	int err = errno;

	if (fflush(stdout) != 0) {
		bad = true;
		err = errno;
	}
	if (fclose(stdout) != 0 && !bad) {
		bad = true;
		err = errno;
	}
	if (!bad)
		return status;
	fprintf(stderr, "talus: cannot write the output: %s\n", strerror(err));
	return status ? status : 1;
}

int main(int argc, char **argv)
{
	struct options opt;
	struct state st;
	const struct command *cmd;
	int status;

	setlocale(LC_ALL, "");
	setlocale(LC_NUMERIC, "C"); /* libconfuse reads numbers by the locale */
	if ((status = cli_parse(argc, argv, &opt)) != CLI_RUN)
		return close_stdout(status);
	cmd = command_find(opt.command);
	status = state_load(&st, &opt, cmd->needs);
	if (status == 0)
		status = cmd->run(&st);
	state_free(&st);
	return close_stdout(status);
}
