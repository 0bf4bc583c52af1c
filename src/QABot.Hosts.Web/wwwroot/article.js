// The article view: /articles/{id} → GET /api/articles/{id} (ids may contain '/'), rendered with textContent only (article text is untrusted).
"use strict";
(function () {
  const id = decodeURIComponent(location.pathname.replace(/^\/articles\//, ""));
  const status = document.getElementById("status");
  const headers = {};
  const key = sessionStorage.getItem("qabot.apiKey");
  if (key) headers["X-Api-Key"] = key;

  // Ids may contain '/': each segment is escaped on its own so the server sees the slashes.
  fetch("/api/articles/" + id.split("/").map(encodeURIComponent).join("/"), { headers })
    .then(async (response) => {
      if (response.status === 404) { status.textContent = "Article not found · المقال غير موجود (" + id + ")"; return; }
      if (!response.ok) { status.textContent = "Could not load the article (HTTP " + response.status + ")."; return; }
      const a = await response.json();
      const arabic = a.language === "ar";
      document.title = a.title + " — QABot";
      document.getElementById("title").textContent = a.title;
      document.getElementById("meta").textContent = [
        a.source || (arabic ? "مصدر غير معروف" : "unknown outlet"),
        a.published || (arabic ? "التاريخ غير مذكور" : "date not stated"),
        a.id,
      ].join(" · ");
      const body = document.getElementById("body");
      for (const paragraph of a.body.split(/\n+/).filter((p) => p.trim())) {
        const p = document.createElement("p");
        p.dir = "auto";
        p.textContent = paragraph;
        body.appendChild(p);
      }
      if (a.url && /^https?:\/\//.test(a.url)) {
        const link = document.createElement("a");
        link.href = a.url;
        link.rel = "noopener noreferrer";
        link.textContent = arabic ? "المصدر الأصلي" : "Original source";
        body.appendChild(link);
      }
      document.documentElement.lang = a.language;
      status.textContent = "";
      document.getElementById("article").hidden = false;
    })
    .catch(() => { status.textContent = "Could not load the article."; });
})();
