using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QABot.Core.Domain;
using QABot.Hosts.Tests.Doubles;

namespace QABot.Hosts.Tests.Web;

[Trait("Category", "Web")]
public sealed class CheckEndpointTests
{
    private const string Claim = "أهدى بوتين كيم جونغ أون بندقية";

    private static Answer Respond(Core.Answering.AnswerRequest request) =>
        SampleArticles.GiftsAnswer(request.Question) with
        {
            Kind = request.IsClaim ? QuestionKind.Claim : QuestionKind.What,
            Verdict = request.IsClaim ? ClaimVerdict.Supported : null,
        };

    [Fact]
    public async Task Check_sends_the_text_as_a_claim_and_replies_with_the_ask_json_and_its_verdict()
    {
        await using var web = await WebHostHarness.StartAsync(respond: Respond);
        using var client = web.CreateClient();

        using var byClaim = await client.PostAsJsonAsync("/api/check", new { claim = Claim });
        using var byQuestion = await client.PostAsJsonAsync("/api/check", new { question = Claim });
        using var asked = await client.PostAsJsonAsync("/api/ask", new { question = Claim });

        foreach (var response in new[] { byClaim, byQuestion })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("supported", json.RootElement.GetProperty("verdict").GetString());
            Assert.Equal("claim", json.RootElement.GetProperty("kind").GetString());
            Assert.Equal(Claim, json.RootElement.GetProperty("question").GetString());
        }
        using (var json = JsonDocument.Parse(await asked.Content.ReadAsStringAsync()))
            Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("verdict").ValueKind);
        Assert.Equal([true, true, false], web.Answerer.Requests.Select(r => r.IsClaim));
    }

    [Fact]
    public async Task Check_without_a_claim_is_a_400()
    {
        await using var web = await WebHostHarness.StartAsync(respond: Respond);
        using var client = web.CreateClient();
        using var empty = await client.PostAsJsonAsync("/api/check", new { claim = "  " });
        using var notJson = await client.PostAsync("/api/check", new StringContent("claim=x"));

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Contains("claim", await notJson.Content.ReadAsStringAsync());
        Assert.Empty(web.Answerer.Requests);
    }
}
