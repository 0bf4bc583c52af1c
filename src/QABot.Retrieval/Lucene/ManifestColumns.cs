using Lucene.Net.Index;
using Lucene.Net.Util;

namespace QABot.Retrieval.Lucene;

/// <summary>
/// The manifest's doc-value columns in one segment (see <see cref="IndexFields.ManifestId"/>): the id, hashes, outlet
/// and date of every article, read without touching the stored article text.
/// </summary>
internal sealed class ManifestColumns
{
    private readonly BinaryDocValues _id, _contentHash, _bodyHash;
    private readonly SortedDocValues? _source;
    private readonly NumericDocValues? _published, _offset;
    private readonly IBits? _dated;
    private readonly BytesRef _scratch = new();

    private ManifestColumns(AtomicReader reader, BinaryDocValues id)
    {
        _id = id;
        _contentHash = reader.GetBinaryDocValues(IndexFields.ManifestContentHash);
        _bodyHash = reader.GetBinaryDocValues(IndexFields.ManifestBodyHash);
        // A segment where no article has an outlet (or a date) has no such column at all.
        _source = reader.GetSortedDocValues(IndexFields.ManifestSource);
        _published = reader.GetNumericDocValues(IndexFields.ManifestPublished);
        _offset = reader.GetNumericDocValues(IndexFields.ManifestPublishedOffset);
        _dated = reader.GetDocsWithField(IndexFields.ManifestPublished);
    }

    /// <summary>Null for a segment written before the manifest had doc values.</summary>
    public static ManifestColumns? Of(AtomicReader reader) =>
        reader.GetBinaryDocValues(IndexFields.ManifestId) is { } id ? new ManifestColumns(reader, id) : null;

    public string Id(int doc) => Text(_id, doc);
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
        var offset = TimeSpan.FromMinutes(_offset?.Get(doc) ?? 0);
        return new DateTimeOffset(_published.Get(doc), TimeSpan.Zero).ToOffset(offset);
    }

    private string Text(BinaryDocValues column, int doc)
    {
        column.Get(doc, _scratch);
        return _scratch.Utf8ToString();
    }
}
