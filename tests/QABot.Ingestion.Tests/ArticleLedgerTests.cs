using QABot.Core.Retrieval;
using QABot.Ingestion.Pipeline;

namespace QABot.Ingestion.Tests;

/// <summary>
/// The ledger keeps hashes as 128-bit numbers to stay small at a million articles. Hashes of another form (a
/// manifest written by an older version, e.g. 64 hex digits) must still compare as the strings they are.
/// </summary>
[Trait("Category", "Ingestion")]
public sealed class ArticleLedgerTests
{
    private const string OldBody = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private const string OldContent = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752";

    [Fact]
    public void A_stored_article_with_an_older_hash_form_is_unchanged_and_its_body_still_dedups()
    {
        var ledger = new ArticleLedger([new ManifestEntry("a", OldContent, OldBody, [])]);

        Assert.Equal(IngestOutcome.Unchanged, ledger.Decide("a", OldContent, OldBody).Outcome);
        var copy = ledger.Decide("b", "another content", OldBody);
        Assert.Equal((IngestOutcome.Duplicate, "a"), (copy.Outcome, copy.CanonicalId));
        var changed = Assert.Single(ledger.ChangedAliases());
        Assert.Equal("a", changed.ArticleId);
        Assert.Equal(["b"], changed.AliasIds);
    }

    [Fact]
    public void Hex_hashes_that_differ_in_one_digit_are_different_bodies()
    {
        var body = ArticleHasher.BodyHash("نص المقال الأول.");
        var other = body[..^1] + (body[^1] == '0' ? '1' : '0');
        var ledger = new ArticleLedger([]);

        Assert.Equal(IngestOutcome.New, ledger.Decide("a", ArticleHasher.BodyHash("a"), body).Outcome);
        Assert.Equal(IngestOutcome.New, ledger.Decide("b", ArticleHasher.BodyHash("b"), other).Outcome);
        Assert.Equal(IngestOutcome.Duplicate, ledger.Decide("c", ArticleHasher.BodyHash("c"), body).Outcome);
        Assert.Equal(IngestOutcome.IdConflict, ledger.Decide("a", ArticleHasher.BodyHash("changed"), body).Outcome);
    }
}
