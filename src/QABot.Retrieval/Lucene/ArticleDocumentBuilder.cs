using System.Runtime.InteropServices;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;
using QABot.Core.Domain;
using QABot.Core.Retrieval;
using QABot.Text;

namespace QABot.Retrieval.Lucene;

/// <summary>
/// Turns an <see cref="IndexDocument"/> into the Lucene documents of one article (manifest, chunks, aliases).
/// Field instances are reused across articles because allocation dominates cheap documents at ingest scale;
/// one builder therefore serves one writer thread.
/// </summary>
internal sealed class ArticleDocumentBuilder
{
    private readonly List<ChunkFields> _chunkPool = [];
    private readonly ManifestFields _manifest = new();
    private readonly List<IEnumerable<IIndexableField>> _block = [];

    /// <summary>The documents of one article, valid until the next call.</summary>
    public IReadOnlyList<IEnumerable<IIndexableField>> Build(IndexDocument document)
    {
        if (document.ChunkEmbeddings is { } vectors && vectors.Count != document.Chunks.Count)
            throw new ArgumentException(
                $"Article {document.Article.Id}: {vectors.Count} embeddings for {document.Chunks.Count} chunks.", nameof(document));

        _block.Clear();
        _block.Add(_manifest.Fill(document));
        for (var i = 0; i < document.Chunks.Count; i++)
        {
            if (_chunkPool.Count <= i) _chunkPool.Add(new ChunkFields());
            _block.Add(_chunkPool[i].Fill(document.Chunks[i], document.ChunkEmbeddings?[i]));
        }
        foreach (var alias in document.AliasIds.Distinct(StringComparer.Ordinal))
            if (alias != document.Article.Id) _block.Add(AliasDocument(document.Article.Id, alias));
        return _block;
    }

    public static Document AliasDocument(string articleId, string aliasId) =>
    [
        new StringField(IndexFields.Kind, DocumentKinds.Alias, Field.Store.NO),
        new StringField(IndexFields.ArticleId, articleId, Field.Store.YES),
        new StringField(IndexFields.Alias, aliasId, Field.Store.YES),
        new StringField(IndexFields.AliasKey, AliasKey(articleId, aliasId), Field.Store.NO),
    ];

    public static Term AliasTerm(string articleId, string aliasId) => new(IndexFields.AliasKey, AliasKey(articleId, aliasId));

    private static string AliasKey(string articleId, string aliasId) => articleId + "\u0001" + aliasId;

    private sealed class ChunkFields
    {
        private readonly StringField _kind = new(IndexFields.Kind, DocumentKinds.Chunk, Field.Store.NO);
        private readonly StringField _articleId = new(IndexFields.ArticleId, "", Field.Store.YES);
        private readonly StringField _chunkId = new(IndexFields.ChunkId, "", Field.Store.YES);
        private readonly StoredField _ordinal = new(IndexFields.Ordinal, 0);
        private readonly StoredField _startChar = new(IndexFields.StartChar, 0);
        private readonly TextField _title = new(IndexFields.Title, "", Field.Store.YES);
        private readonly TextField _body = new(IndexFields.Body, "", Field.Store.YES);
        private readonly StoredField _source = new(IndexFields.Source, "");
        private readonly StringField _sourceKey = new(IndexFields.SourceKey, "", Field.Store.NO);
        private readonly StoredField _url = new(IndexFields.Url, "");
        private readonly Int64Field _published = new(IndexFields.Published, 0L, Field.Store.YES);
        private readonly StoredField _publishedOffset = new(IndexFields.PublishedOffset, 0);
        private readonly StringField _language = new(IndexFields.Language, "", Field.Store.YES);
        private readonly StoredField _embedding = new(IndexFields.Embedding, Array.Empty<byte>());

        public Document Fill(Chunk chunk, ReadOnlyMemory<float>? embedding)
        {
            var meta = chunk.Metadata;
            _articleId.SetStringValue(meta.ArticleId);
            _chunkId.SetStringValue(chunk.ChunkId);
            _ordinal.SetInt32Value(chunk.Ordinal);
            _startChar.SetInt32Value(chunk.StartChar);
            _title.SetStringValue(meta.Title);
            _body.SetStringValue(chunk.Text);
            _language.SetStringValue(meta.Language);
            var doc = new Document { _kind, _articleId, _chunkId, _ordinal, _startChar, _title, _body, _language };
            if (!string.IsNullOrWhiteSpace(meta.Source))
            {
                _source.SetStringValue(meta.Source);
                _sourceKey.SetStringValue(OutletKeys.For(meta.Source));
                doc.Add(_source);
                doc.Add(_sourceKey);
            }
            if (!string.IsNullOrEmpty(meta.Url))
            {
                _url.SetStringValue(meta.Url);
                doc.Add(_url);
            }
            if (meta.Published is { } published)
            {
                _published.SetInt64Value(published.Ticks);
                _publishedOffset.SetInt32Value((int)published.Offset.TotalMinutes);
                doc.Add(_published);
                doc.Add(_publishedOffset);
            }
            if (embedding is { } vector)
            {
                _embedding.SetBytesValue(MemoryMarshal.AsBytes(vector.Span).ToArray());
                doc.Add(_embedding);
            }
            return doc;
        }
    }

    private sealed class ManifestFields
    {
        private readonly StringField _kind = new(IndexFields.Kind, DocumentKinds.Manifest, Field.Store.NO);
        private readonly StringField _articleId = new(IndexFields.ArticleId, "", Field.Store.YES);
        private readonly StoredField _contentHash = new(IndexFields.ContentHash, "");
        private readonly StoredField _bodyHash = new(IndexFields.BodyHash, "");
        private readonly StoredField _chunkCount = new(IndexFields.ChunkCount, 0);
        private readonly StoredField _title = new(IndexFields.Title, "");
        private readonly StoredField _body = new(IndexFields.FullBody, "");
        private readonly StoredField _language = new(IndexFields.Language, "");
        private readonly BinaryDocValuesField _contentHashColumn = new(IndexFields.ManifestContentHash, new BytesRef());
        private readonly BinaryDocValuesField _bodyHashColumn = new(IndexFields.ManifestBodyHash, new BytesRef());

        public Document Fill(IndexDocument document)
        {
            var article = document.Article;
            _articleId.SetStringValue(article.Id);
            _contentHash.SetStringValue(document.ContentHash);
            _bodyHash.SetStringValue(document.BodyHash);
            _chunkCount.SetInt32Value(document.Chunks.Count);
            _title.SetStringValue(article.Title);
            _body.SetStringValue(article.Body);
            _language.SetStringValue(article.Language);
            _contentHashColumn.SetBytesValue(new BytesRef(document.ContentHash));
            _bodyHashColumn.SetBytesValue(new BytesRef(document.BodyHash));
            var doc = new Document { _kind, _articleId, _contentHash, _bodyHash, _chunkCount, _title, _body, _language, _contentHashColumn, _bodyHashColumn };
            // Rare fields are allocated per article: not worth pooling.
            doc.Add(new SortedDocValuesField(IndexFields.ArticleIdOrder, new BytesRef(article.Id)));
            if (!string.IsNullOrWhiteSpace(article.Source))
            {
                doc.Add(new StoredField(IndexFields.Source, article.Source));
                doc.Add(new StringField(IndexFields.Outlet, article.Source, Field.Store.NO));
                doc.Add(new StringField(IndexFields.SourceKey, OutletKeys.For(article.Source), Field.Store.NO));
                doc.Add(new SortedDocValuesField(IndexFields.ManifestSource, new BytesRef(article.Source)));
            }
            if (!string.IsNullOrEmpty(article.Url)) doc.Add(new StoredField(IndexFields.Url, article.Url));
            if (article.Published is { } published)
            {
                doc.Add(new Int64Field(IndexFields.Published, published.Ticks, Field.Store.YES));
                doc.Add(new NumericDocValuesField(IndexFields.PublishedOrder, published.Ticks));
                doc.Add(new StoredField(IndexFields.PublishedOffset, (int)published.Offset.TotalMinutes));
                doc.Add(new NumericDocValuesField(IndexFields.ManifestPublishedOffset, (long)published.Offset.TotalMinutes));
            }
            foreach (var keyword in article.Keywords) doc.Add(new StoredField(IndexFields.Keyword, keyword));
            if (article.HostArticleId is { } host) doc.Add(new StoredField(IndexFields.HostArticleId, host));
            if (article.Origin is { } origin) doc.Add(new StoredField(IndexFields.Origin, origin));
            return doc;
        }
    }
}
