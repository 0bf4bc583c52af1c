using Lucene.Net.Index;
using Lucene.Net.Util;

namespace QABot.Retrieval.Lucene;

/// <summary>
/// The manifest's doc-value columns in one segment (see <see cref="IndexFields.ManifestContentHash"/>): the id,
/// hashes, outlet and date of every article, read without touching the stored article text.
/// </summary>
internal sealed class ManifestColumns
{
    private readonly SortedDocValues _id;
    private readonly BinaryDocValues _contentHash, _bodyHash;
    private readonly SortedDocValues? _source;
    private readonly NumericDocValues? _published, _offset;
    private readonly IBits? _dated;
    private readonly BytesRef _scratch = new();

    private ManifestColumns(AtomicReader reader, SortedDocValues id, BinaryDocValues contentHash)
    {
        _id = id;
        _contentHash = contentHash;
        _bodyHash = reader.GetBinaryDocValues(IndexFields.ManifestBodyHash);
        // A segment where no article has an outlet (or a date) has no such column at all.
        _source = reader.GetSortedDocValues(IndexFields.ManifestSource);
        _published = reader.GetNumericDocValues(IndexFields.PublishedOrder);
        _offset = reader.GetNumericDocValues(IndexFields.ManifestPublishedOffset);
        _dated = reader.GetDocsWithField(IndexFields.PublishedOrder);
    }

    /// <summary>Null for a segment written before the manifest had these columns (it is read from stored fields).</summary>
    public static ManifestColumns? Of(AtomicReader reader) =>
        reader.GetBinaryDocValues(IndexFields.ManifestContentHash) is { } contentHash && reader.GetSortedDocValues(IndexFields.ArticleIdOrder) is { } id
            ? new ManifestColumns(reader, id, contentHash)
            : null;

    public string Id(int doc)
    {
        _id.Get(doc, _scratch);
        return _scratch.Utf8ToString();
    }
    public string ContentHash(int doc) => Text(_contentHash, doc);
    public string BodyHash(int doc) => Text(_bodyHash, doc);

    /// <summary>Distinct outlets in the segment; <see cref="SourceOrdinal"/> numbers them 0..count-1.</summary>
    public int SourceCount => _source?.ValueCount ?? 0;

    /// <summary>The outlet's number in this segment, -1 when the article names none.</summary>
    public int SourceOrdinal(int doc) => _source?.GetOrd(doc) ?? -1;

    public string SourceName(int ordinal)
    {
        _source!.LookupOrd(ordinal, _scratch);
        return _scratch.Utf8ToString();
    }

    public DateTimeOffset? Published(int doc)
    {
        if (_published is null || _dated is null || !_dated.Get(doc)) return null;
        // PublishedOrder holds the outlet's own clock (DateTimeOffset.Ticks), as the stored Published field does.
        return new DateTimeOffset(_published.Get(doc), TimeSpan.FromMinutes(_offset?.Get(doc) ?? 0));
    }

    private string Text(BinaryDocValues column, int doc)
    {
        column.Get(doc, _scratch);
        return _scratch.Utf8ToString();
    }
}
