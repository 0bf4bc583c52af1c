using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using QABot.Core.Retrieval;
using QABot.Text;

namespace QABot.Retrieval.Lucene;

/// <summary>
/// The chunk embeddings of one index snapshot, held in memory for exact cosine search. Loaded on the first dense
/// query after each refresh (a snapshot never changes), and only when chunks were stored with embeddings.
/// </summary>
internal sealed class DenseVectors
{
    private static readonly ConditionalWeakTable<IndexReader, DenseVectors> Cache = new();
    private static readonly ISet<string> FieldsToLoad = new HashSet<string> { IndexFields.Embedding, IndexFields.Published, IndexFields.PublishedOffset, IndexFields.Source };

    private readonly List<Entry> _entries;

    private DenseVectors(List<Entry> entries) => _entries = entries;

    public int Count => _entries.Count;

    public static DenseVectors For(IndexSearcher searcher) => Cache.GetValue(searcher.IndexReader, Load);

    /// <summary>Global doc ids of the nearest chunks by cosine similarity that pass the request's filters.</summary>
    public IReadOnlyList<(int Doc, float Similarity)> Nearest(ReadOnlySpan<float> query, SearchRequest request, int count)
    {
        var queryNorm = TensorPrimitives.Norm(query);
        if (queryNorm == 0 || count <= 0) return [];
        var sourceKeys = request.Sources is { Count: > 0 } s ? s.Select(OutletKeys.For).ToHashSet() : null;
        var best = new PriorityQueue<(int Doc, float Similarity), float>();
        foreach (var entry in _entries)
        {
            if (entry.Vector.Length != query.Length) continue;
            if (request.PublishedRange is { } range && !range.Contains(entry.Published)) continue;
            if (sourceKeys is not null && (entry.SourceKey is null || !sourceKeys.Contains(entry.SourceKey))) continue;
            var similarity = TensorPrimitives.Dot(entry.Vector, query) / queryNorm;
            if (best.Count < count) best.Enqueue((entry.Doc, similarity), similarity);
            else if (similarity > best.Peek().Similarity) best.EnqueueDequeue((entry.Doc, similarity), similarity);
        }
        var result = new List<(int, float)>(best.Count);
        while (best.TryDequeue(out var item, out _)) result.Add(item);
        result.Reverse();
        return result;
    }

    private static DenseVectors Load(IndexReader reader)
    {
        var entries = new List<Entry>();
        foreach (var leaf in reader.Leaves)
        {
            var atomic = leaf.AtomicReader;
            var docs = atomic.GetTermDocsEnum(new Term(IndexFields.Kind, DocumentKinds.Chunk));
            if (docs is null) continue;
            while (docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
            {
                var doc = atomic.Document(docs.DocID, FieldsToLoad);
                if (StoredDocuments.Embedding(doc) is not { } vector) continue;
                var norm = TensorPrimitives.Norm(vector);
                if (norm == 0) continue;
                TensorPrimitives.Divide(vector, norm, vector);
                var source = doc.Get(IndexFields.Source);
                entries.Add(new Entry(leaf.DocBase + docs.DocID, vector, StoredDocuments.Published(doc),
                    source is null ? null : OutletKeys.For(source)));
            }
        }
        return new DenseVectors(entries);
    }

    private sealed record Entry(int Doc, float[] Vector, DateTimeOffset? Published, string? SourceKey);
}
