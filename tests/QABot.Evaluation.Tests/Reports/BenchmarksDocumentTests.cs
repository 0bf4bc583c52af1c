using QABot.Evaluation.Reports;

namespace QABot.Evaluation.Tests.Reports;

[Trait("Category", "Eval")]
public sealed class BenchmarksDocumentTests
{
    [Fact]
    public void A_section_is_replaced_in_place_and_the_rest_is_kept()
    {
        var document = "# Benchmarks\n\nIntro.\n\n<!-- begin:a -->\nold a\n<!-- end:a -->\n\nBetween.\n\n<!-- begin:b -->\nold b\n<!-- end:b -->\n";

        var updated = BenchmarksDocument.ReplaceSection(document, "a", "new a\n");

        Assert.Equal("# Benchmarks\n\nIntro.\n\n<!-- begin:a -->\nnew a\n<!-- end:a -->\n\nBetween.\n\n<!-- begin:b -->\nold b\n<!-- end:b -->\n", updated);
    }

    [Fact]
    public void A_missing_section_is_appended_and_an_empty_document_gets_a_heading()
    {
        Assert.Equal("# Benchmarks\n\n<!-- begin:x -->\nx\n<!-- end:x -->\n", BenchmarksDocument.ReplaceSection("", "x", "x"));
        Assert.Equal("Intro.\n\n<!-- begin:x -->\nx\n<!-- end:x -->\n", BenchmarksDocument.ReplaceSection("Intro.\n\n", "x", "x"));
    }

    [Fact]
    public void An_unterminated_section_is_an_error_not_a_silent_overwrite()
    {
        Assert.Throws<InvalidDataException>(() => BenchmarksDocument.ReplaceSection("<!-- begin:x -->\nkept", "x", "y"));
    }

    [Fact]
    public void Chart_links_are_relative_to_the_document()
    {
        Assert.Equal("img/chart.png", BenchmarksDocument.RelativeLink("/repo/docs/benchmarks.md", "/repo/docs/img/chart.png"));
    }
}
