using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using QABot.Cli.Composition;

namespace QABot.Cli.Commands;

public static class CheckCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var claim = new Argument<string[]>("claim")
        {
            Description = "The claim, in Arabic or English (quote it). Use - to read one claim per line from stdin.",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON object per claim, as `ask --json` does, with \"verdict\": supported | contradicted | not_found." };
        var top = new Option<int?>("--top", "-k") { Description = "How many ranked chunks to retrieve as evidence (default Retrieval:Top, 8)." };
        var command = new Command("check", """
            Fact-check a claim against the indexed articles. The verdict is one of:
              supported      a cited sentence states the claim's names, numbers, places and dates;
              contradicted   a cited article reports the same event differently (the differing words are quoted);
              not_found      nothing in the articles bears on it.
            The verdict and the evidence are given in the claim's language, each source cited with outlet and date.

            Exit codes: 0 checked (whatever the verdict: read it from the output or "verdict" in --json),
            2 bad input (empty or over-long claim), 3 some stdin lines were skipped, 1 failure.

            Examples:
              qabot check "Putin gave Kim Jong Un a rifle"
              qabot check "أهدى بوتين كيم جونغ أون سيارة"
              qabot check --json - < claims.txt        (one JSON object per line)
            """) { claim, json, top };
        command.SetAction((parse, ct) => globals.RunAsync(parse, ct, async (services, token) =>
        {
            var env = globals.EnvironmentFor(parse);
            var k = parse.GetValue(top) ?? services.GetRequiredService<IConfiguration>().GetValue("Retrieval:Top", 8);
            if (k is < 1 or > 100)
            {
                await env.Error.WriteLineAsync("error: --top must be between 1 and 100.");
                return ExitCodes.BadInput;
            }
            return await AskCommand.AnswerAsync(services, env, parse.GetValue(claim) ?? [], k, isClaim: true, parse.GetValue(json), showRetrieved: false, token);
        }));
        return command;
    }
}
