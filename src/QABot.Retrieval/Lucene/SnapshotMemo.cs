using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using QABot.Core.Retrieval;

namespace QABot.Retrieval.Lucene;

/// <summary>
/// What one index snapshot answers the same way every time it is asked: a body term's document frequency (the query
/// weighs every term and expansion by it, and the reranker weighs them again; each look-up seeks every segment) and a
/// stored article (the answerer reads the best articles whole, and questions on one story ask for the same ones).
/// Kept with the snapshot's reader, so the reader a commit opens starts afresh.
/// </summary>
internal sealed class SnapshotMemo
{
    private static readonly ConditionalWeakTable<IndexReader, SnapshotMemo> Memos = new();
    /// <summary>Bounds that keep memory flat on a long-lived snapshot; the memo is cleared when one is reached.</summary>
    private const int DocFreqsKept = 200_000;
    private const int ArticlesKept = 1024;

    private readonly IndexReader _reader;
    private readonly ConcurrentDictionary<string, int> _docFreqs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StoredArticle?> _articles = new(StringComparer.Ordinal);

    private SnapshotMemo(IndexReader reader) => _reader = reader;

    public static SnapshotMemo For(IndexReader reader) => Memos.GetValue(reader, r => new SnapshotMemo(r));

    /// <summary>A body term's document frequency; for <see cref="LuceneQueryBuilder.AllPassages"/>, the passage count.</summary>
    public int BodyDocFreq(string term)
    {
        if (term == LuceneQueryBuilder.AllPassages) return _reader.NumDocs;
        if (_docFreqs.TryGetValue(term, out var known)) return known;
        if (_docFreqs.Count >= DocFreqsKept) _docFreqs.Clear();
        return _docFreqs[term] = _reader.DocFreq(new Term(IndexFields.Body, term));
    }

    /// <param name="articleId">Normalised: the same article asked by another spelling of its id is loaded again.</param>
    public StoredArticle? Article(string articleId, Func<string, StoredArticle?> load)
    {
        if (_articles.TryGetValue(articleId, out var known)) return known;
        if (_articles.Count >= ArticlesKept) _articles.Clear();
        return _articles[articleId] = load(articleId);
    }
}
