using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using QABot.Cli.Composition;
using QABot.Cli.Terminal;
using QABot.Core.Answering;
using QABot.Core.Diagnostics;
using QABot.Core.Domain;
using QABot.Core.Json;
using QABot.Text;

namespace QABot.Cli.Commands;

public static class AskCommand
{
    /// <summary>Longer input is almost certainly a pasted article, not a question; it is refused with a clear message.</summary>
    public const int MaxQuestionChars = 2000;

    /// <summary>The output line of an input line that could not be asked, so output lines stay aligned with input lines.</summary>
    public sealed record BatchLineError(int Line, string Question, string Error);

    /// <summary>
    /// Answers one text (the words joined) or, for "-", one per stdin line, as questions or as claims to check, printing
    /// JSON or the readable rendering. Shared by `ask` and `check`.
    /// </summary>
    public static async Task<int> AnswerAsync(IServiceProvider services, CliEnvironment env, string[] words, int top, bool isClaim,
        bool asJson, bool showRetrieved, CancellationToken token)
    {
        var what = isClaim ? "claim" : "question";
        await FirstRun.EnsureSampleCorpusAsync(services, env, token);
        StartupTrace.Mark("index checked for articles");
        var answerer = services.GetRequiredService<IAnswerer>();
        var outlets = services.GetRequiredService<IOutletNames>();
        StartupTrace.Mark("answerer resolved");

        if (words is ["-"])
        {
            var failures = 0;
            var lineNumber = 0;
            while (await env.In.ReadLineAsync(token) is { } line)
            {
                lineNumber++;
                if (InvisibleMarks.IsBlank(line)) continue;
                if (line.Length > MaxQuestionChars)
                {
                    // Every non-blank input line gets its output line: one that cannot be asked, an error object in its place.
                    failures++;
                    var problem = $"the {what} has {line.Length} characters; the limit is {MaxQuestionChars}";
                    if (asJson) await env.Out.WriteLineAsync(JsonSerializer.Serialize(new BatchLineError(lineNumber, TextCut.Shorten(line, 80), problem), AnswerJson.SerializerOptions));
                    await env.Error.WriteLineAsync($"error: line {lineNumber}: {problem}.");
                    continue;
                }
                var answer = await answerer.AnswerAsync(new AnswerRequest { Question = line.Trim(), Top = top, IsClaim = isClaim }, token);
                if (asJson) await env.Out.WriteLineAsync(AnswerJson.Serialize(answer, outlets: outlets));
                else { AnswerConsoleWriter.Write(env.Out, answer, showRetrieved, outlets); await env.Out.WriteLineAsync(); }
                await env.Out.FlushAsync(token);
            }
            return failures == 0 ? ExitCodes.Success : ExitCodes.PartialFailure;
        }

        var text = string.Join(' ', words).Trim();
        if (InvisibleMarks.IsBlank(text))
        {
            await env.Error.WriteLineAsync($"error: the {what} is empty.");
            return ExitCodes.BadInput;
        }
        if (text.Length > MaxQuestionChars)
        {
            await env.Error.WriteLineAsync($"error: the {what} has {text.Length} characters; the limit is {MaxQuestionChars}.");
            return ExitCodes.BadInput;
        }
        var single = await answerer.AnswerAsync(new AnswerRequest { Question = text, Top = top, IsClaim = isClaim }, token);
        StartupTrace.Mark("answered");
        if (asJson) await env.Out.WriteLineAsync(AnswerJson.Serialize(single, indented: true, outlets));
        else AnswerConsoleWriter.Write(env.Out, single, showRetrieved, outlets);
        return ExitCodes.Success;
    }

    public static Command Create(GlobalOptions globals)
    {
        var question = new Argument<string[]>("question")
        {
            Description = "The question, in Arabic or English (quote it). Use - to read one question per line from stdin.",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON object per question: question, language, answer, refused, citations, retrieved." };
        var top = new Option<int?>("--top", "-k") { Description = "How many ranked chunks to retrieve and list in `retrieved` (default Retrieval:Top, 8)." };
        var showRetrieved = new Option<bool>("--show-retrieved") { Description = "Also print the ranked chunks behind the answer." };

        var command = new Command("ask", """
            Answer a question from the indexed articles, citing each source's title, outlet, date and id.
            Refuses ("not found in the corpus") when the articles do not support an answer.
            On an empty index the bundled sample corpus is ingested first.

            Examples:
              qabot ask "ماذا أهدى بوتين لكيم جونغ أون؟"
              qabot ask --json "What did Putin give Kim Jong Un?"
              qabot ask --json - < eval/questions.txt   (one JSON object per non-blank line; a line that cannot be
                                                         asked gets {"line", "question", "error"} in its place, exit 3)
            """) { question, json, top, showRetrieved };

        command.SetAction((parse, ct) => globals.RunAsync(parse, ct, async (services, token) =>
        {
            var env = globals.EnvironmentFor(parse);
            var words = parse.GetValue(question) ?? [];
            var k = parse.GetValue(top) ?? services.GetRequiredService<IConfiguration>().GetValue("Retrieval:Top", 8);
            if (k is < 1 or > 100)
            {
                await env.Error.WriteLineAsync("error: --top must be between 1 and 100.");
                return ExitCodes.BadInput;
            }

            return await AnswerAsync(services, env, words, k, isClaim: false, parse.GetValue(json), parse.GetValue(showRetrieved), token);
        }));
        return command;
    }
}
