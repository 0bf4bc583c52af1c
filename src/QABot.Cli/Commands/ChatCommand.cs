using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using QABot.Cli.Composition;
using QABot.Cli.Terminal;
using QABot.Core.Answering;
using QABot.Core.Domain;

namespace QABot.Cli.Commands;

public static class ChatCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var top = new Option<int>("--top", "-k") { Description = "Chunks retrieved per question.", DefaultValueFactory = _ => 8 };
        var command = new Command("chat", """
            An interactive conversation: follow-ups such as "and when was that?" or «ومتى كان ذلك؟» use the previous turn.
            Commands: /sources (full citations of the last answer), /new (forget the conversation), /exit (or Ctrl-D).
            """) { top };

        command.SetAction((parse, ct) => globals.RunAsync(parse, ct, async (services, token) =>
        {
            var env = globals.EnvironmentFor(parse);
            await FirstRun.EnsureSampleCorpusAsync(services, env, token);
            var answerer = services.GetRequiredService<IAnswerer>();
            var conversations = services.GetRequiredService<IConversationStore>();
            var conversationId = "cli:" + Guid.NewGuid().ToString("N");
            var outlets = services.GetRequiredService<IOutletNames>();
            Answer? last = null;

            await env.Out.WriteLineAsync("Ask in Arabic or English. /sources, /new, /exit.");
            while (true)
            {
                await env.Out.WriteAsync("> ");
                await env.Out.FlushAsync(token);
                var line = await env.In.ReadLineAsync(token);
                if (line is null || line.Trim() is "/exit" or "/quit") break;
                var text = line.Trim();
                if (InvisibleMarks.IsBlank(text)) continue;
                switch (text)
                {
                    case "/new":
                        await conversations.ClearAsync(conversationId, token);
                        last = null;
                        await env.Out.WriteLineAsync("Conversation cleared.");
                        continue;
                    case "/sources":
                        if (last is null) await env.Out.WriteLineAsync("No sources yet: ask a question first.");
                        else if (last.Citations.Count == 0)
                            await env.Out.WriteLineAsync(last.Refused
                                ? "The last answer has no sources: the articles do not contain it."
                                : "The last answer cites no sources.");
                        else foreach (var c in last.Citations)
                        {
                            await env.Out.WriteLineAsync(AnswerConsoleWriter.FormatCitation(c, last.Language, outlets));
                            await env.Out.WriteLineAsync(RtlText.Line("    « " + c.Quote + " »"));
                        }
                        continue;
                }
                if (IsCommand(text))
                {
                    await env.Out.WriteLineAsync($"Unknown command {text.Split(' ')[0]}. Commands: /sources, /new, /exit. (A question does not start with '/'.)");
                    continue;
                }
                if (text.Length > AskCommand.MaxQuestionChars)
                {
                    await env.Out.WriteLineAsync($"That is {text.Length} characters; questions are limited to {AskCommand.MaxQuestionChars}.");
                    continue;
                }
                last = await answerer.AnswerAsync(new AnswerRequest { Question = text, ConversationId = conversationId, Top = parse.GetValue(top) }, token);
                AnswerConsoleWriter.Write(env.Out, last, outlets: outlets);
                await env.Out.WriteLineAsync();
            }
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>"/foo" or "/foo bar": a slash and a Latin word, as the chat's commands are written.</summary>
    private static bool IsCommand(string text) => text.Length > 1 && text[0] == '/' && char.IsAsciiLetter(text[1]);
}
