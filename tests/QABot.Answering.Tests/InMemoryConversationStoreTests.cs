using Microsoft.Extensions.Options;
using QABot.Answering.Conversations;
using QABot.Core.Answering;

namespace QABot.Answering.Tests;

[Trait("Category", "Answering")]
public sealed class InMemoryConversationStoreTests
{
    private static ConversationTurn Turn(int i) => new($"q{i}", $"a{i}", [$"doc{i}"], DateTimeOffset.UnixEpoch.AddMinutes(i));

    [Fact]
    public async Task Keeps_only_the_most_recent_turns_per_conversation()
    {
        var store = new InMemoryConversationStore(Options.Create(new AnsweringOptions { MaxConversationTurns = 3 }));
        for (var i = 1; i <= 5; i++) await store.AppendAsync("c1", Turn(i));
        await store.AppendAsync("c2", Turn(9));

        var turns = await store.GetAsync("c1");

        Assert.Equal(["q3", "q4", "q5"], turns.Select(t => t.Question));
        Assert.Single(await store.GetAsync("c2"));
    }

    [Fact]
    public async Task Clearing_forgets_one_conversation_only()
    {
        var store = new InMemoryConversationStore(Options.Create(new AnsweringOptions()));
        await store.AppendAsync("a", Turn(1));
        await store.AppendAsync("b", Turn(2));

        await store.ClearAsync("a");

        Assert.Empty(await store.GetAsync("a"));
        Assert.Equal("q2", Assert.Single(await store.GetAsync("b")).Question);
    }
}
