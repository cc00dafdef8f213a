/* talus: read the command line, load what its command needs, run the command. */
#include <locale.h>

#include "cli.h"
#include "commands.h"

int main(int argc, char **argv)
{
	struct options opt;
	struct state st;
	const struct command *cmd;
	int status;

	setlocale(LC_ALL, "");
	setlocale(LC_NUMERIC, "C"); /* libconfuse reads numbers by the locale */
	if ((status = cli_parse(argc, argv, &opt)) != CLI_RUN)
		return status;
	cmd = command_find(opt.command);
	status = state_load(&st, &opt, cmd->needs);
	if (status == 0)
		status = cmd->run(&st);
	state_free(&st);
	return status;
}
