using System.Text;
using QABot.Answering.Llm.Answering;
using QABot.Core.Domain;
using QABot.Llm.Tests.Doubles;
using QABot.Llm.Tests.StandIn;
using QABot.Testing;
using Xunit.Abstractions;

namespace QABot.Llm.Tests.Report;

/// <summary>
/// Runs the seed QA set against every adversarial reply the stand-in can script and writes what the citation guard and
/// the fallback did to artifacts/llm-guard.md (the source of docs/llm-guard.md). Each row is also asserted.
/// </summary>
[Trait("Category", "Llm")]
public sealed class GuardReportTests(ITestOutputHelper output)
{
    private sealed record Case(string Name, Func<bool, StandInReply[]> Replies, string ExpectedAnswerer, bool ExpectRefused = false, bool Hangs = false);

    private static readonly Case[] Cases =
    [
        new("faithful, cites [1], [2][1]", ar => [Text(ar, "ورد الجواب في المصدر الأول [1]، وأكده المصدر الثاني [2][1].", "The first source reports it [1], and the second confirms it [2][1].")], LlmAnswerer.AnswererName),
        new("invented citation [7] (3 sources)", ar => [Text(ar, "ورد الجواب في المصدر الأول [1]. وذكر مصدر آخر تفاصيل إضافية [7].", "The first source reports it [1]. Another source adds details [7].")], LlmAnswerer.AnswererName),
        new("only invented citations", ar => [Text(ar, "ذكر مصدر تفاصيل الجواب [7][9].", "A source gives the details [7][9].")], "extractive"),
        new("wrong date for [1]", ar => [Text(ar, "ورد الجواب في المصدر الأول [1]. ونُشر الخبر في 1 يناير 2020 [1].", "The first source reports it [1]. It was published on 1 January 2020 [1].")], LlmAnswerer.AnswererName),
        new("answer in the wrong language, twice", ar => [Text(!ar, "ورد الجواب في المصدر الأول [1].", "The first source reports it [1].")], "extractive"),
        new("empty reply", _ => [StandInReply.Text("")], "extractive"),
        new("refusal marker", _ => [StandInReply.Text("NOT_IN_CORPUS")], LlmAnswerer.AnswererName, ExpectRefused: true),
        new("429 then 500 then success", ar => [StandInReply.Status(429, "rate limited", 1), StandInReply.Status(500), Text(ar, "ورد الجواب في المصدر الأول [1].", "The first source reports it [1].")], LlmAnswerer.AnswererName),
        new("persistent 500", _ => [StandInReply.Status(500)], "extractive"),
        new("timeout (no reply within Llm:TimeoutSeconds = 1)", _ => [StandInReply.Hang], "extractive", Hangs: true),
    ];

    private static readonly string[] SeedSet = [SeedQuestions.Gifts, SeedQuestions.Treaty, SeedQuestions.Letter, SeedQuestions.GiftsEnglish];

    [Fact]
    public async Task Seed_questions_under_adversarial_replies()
    {
        var report = new StringBuilder()
            .AppendLine("| question | scripted reply | answer given by | text given | citations (id, date from the index) | what the guard / fallback did |")
            .AppendLine("|---|---|---|---|---|---|");
        foreach (var question in SeedSet)
        {
            var arabic = question != SeedQuestions.GiftsEnglish;
            foreach (var c in Cases)
            {
                await using var h = await LlmHarness.StartAsync(c.Hangs ? new() { ["Llm:TimeoutSeconds"] = "1", ["Llm:MaxRetries"] = "0" } : null);
                h.StandIn.Script("expand-query", StandInReply.Text(SeedQuestions.GiftsTerms));
                h.StandIn.Script("time-scope", StandInReply.Text("""{"from": null, "to": null}"""));
                h.StandIn.Script("grounded-answer", c.Replies(arabic));

                var answer = await h.AskAsync(question);

                Assert.Equal(c.ExpectedAnswerer, answer.Answerer);
                Assert.Equal(c.ExpectRefused, answer.Refused);
                Assert.All(answer.Citations, citation =>
                    Assert.Equal(SampleCorpus.Metadata(citation.ArticleId).Published, citation.Published));
                if (answer.Answerer == LlmAnswerer.AnswererName && !answer.Refused)
                    Assert.DoesNotContain("[7]", answer.Text);

                var calls = h.StandIn.CallsFor("grounded-answer").Count;
                var did = h.GuardResults.SelectMany(g => g.Result.Actions.Prepend($"verdict {g.Result.Verdict}")).ToList();
                did.Add($"{calls} answer call(s)");
                if (answer.Answerer == "extractive") did.Add("fell back to the extractive answer");
                report.AppendLine($"| {Cell(question)} | {c.Name} | {answer.Answerer}{(answer.Refused ? " (refused)" : "")} | {Cell(answer.Text)} | " +
                                  $"{Cell(string.Join("; ", answer.Citations.Select(x => $"[{x.Number}] {x.ArticleId} {x.PublishedDate ?? "date not stated"}")))} | {Cell(string.Join("; ", did))} |");
            }
        }

        var path = Path.Combine(RepoPaths.Root, "artifacts", "llm-guard.md");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, report.ToString());
        output.WriteLine(report.ToString());
    }

    private static StandInReply Text(bool arabic, string ar, string en) => StandInReply.Text(arabic ? ar : en);

    private static string Cell(string text) => text.Replace("|", "\\|").Replace("\n", " ");
}
