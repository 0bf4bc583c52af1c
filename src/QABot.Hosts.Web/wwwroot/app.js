// The help-desk chat page. Everything from the server is rendered with textContent (never innerHTML): answers and
// article titles are untrusted text. Answers stream over server-sent events when the server supports it.
"use strict";
(function () {
  const labels = {
    en: { sources: "Sources", noDate: "date not stated", noOutlet: "unknown outlet", notFound: "Not found in the corpus",
          thinking: "Searching the articles…", failed: "The question could not be answered", articles: "Articles",
          count: (total, shown) => total + " article(s), newest first" + (total > shown ? "; showing " + shown : ""),
          verdict: { supported: "✔ Supported by the sources", contradicted: "✘ Contradicted by the sources", not_found: "? Not found in the corpus" } },
    ar: { sources: "المصادر", noDate: "التاريخ غير مذكور", noOutlet: "مصدر غير معروف", notFound: "غير موجود في المقالات المتاحة",
          thinking: "جارٍ البحث في المقالات…", failed: "تعذّرت الإجابة عن السؤال", articles: "المقالات",
          count: (total, shown) => "عدد المقالات: " + total + "، الأحدث أولاً" + (total > shown ? "؛ يظهر منها " + shown : ""),
          verdict: { supported: "✔ تؤيده المصادر", contradicted: "✘ تخالفه المصادر", not_found: "؟ غير موجود في المقالات المتاحة" } },
  };
  const messages = document.getElementById("messages");
  const form = document.getElementById("ask-form");
  const question = document.getElementById("question");
  const button = document.getElementById("ask-button");
  const status = document.getElementById("status");
  const apiKeyRow = document.getElementById("api-key-row");
  const apiKeyInput = document.getElementById("api-key");

  apiKeyInput.value = sessionStorage.getItem("qabot.apiKey") || "";
  if (apiKeyInput.value) apiKeyRow.hidden = false;

  function randomId() {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  function conversationId() {
    let id = sessionStorage.getItem("qabot.conversationId");
    if (!id) { id = randomId(); sessionStorage.setItem("qabot.conversationId", id); }
    return id;
  }

  function languageOf(text) { return /[\u0600-\u06FF]/.test(text) ? "ar" : "en"; }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // Runs of the other script, from its first letter to its last (spaces, digits and punctuation between them
  // included): an Arabic quote in an English answer, or a Latin name or id in an Arabic one.
  const otherScript = {
    en: /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF](?:[^A-Za-z\n]*[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF])?/g,
    ar: /[A-Za-z](?:[^\u0600-\u06FF\n]*[A-Za-z0-9])?/g,
  };

  // Sets a node's text with each run of the other script in a <bdi> of its own direction, so a quote keeps its
  // word order and the brackets, markers and punctuation around it stay where the sentence put them.
  function setIsolatedText(node, text, lang) {
    const pattern = otherScript[lang === "ar" ? "ar" : "en"];
    node.replaceChildren();
    let last = 0;
    for (const match of text.matchAll(pattern)) {
      if (match.index > last) node.appendChild(document.createTextNode(text.slice(last, match.index)));
      const run = element("bdi", null, match[0]);
      run.dir = lang === "ar" ? "ltr" : "rtl";
      run.lang = lang === "ar" ? "" : "ar";
      node.appendChild(run);
      last = match.index + match[0].length;
    }
    if (last < text.length) node.appendChild(document.createTextNode(text.slice(last)));
  }

  function addMessage(kind, text, lang) {
    const item = element("li", "msg " + kind);
    item.dir = "auto";
    item.lang = lang;
    const p = element("p", "answer", text);
    p.dir = "auto";
    item.appendChild(p);
    messages.appendChild(item);
    item.scrollIntoView({ block: "end" });
    return item;
  }

  function renderAnswer(item, answer) {
    const l = labels[answer.language] || labels.en;
    item.lang = answer.language;
    item.dataset.refused = String(answer.refused);
    let text = answer.answer;
    if (answer.refused && !answer.verdict && text.startsWith(l.notFound)) {
      // The banner says "not found" once; the paragraph keeps only the explanation that follows it.
      text = text.slice(l.notFound.length).replace(/^[\s:.،]+/, "");
    }
    const paragraph = item.querySelector(".answer");
    setIsolatedText(paragraph, text, answer.language);
    paragraph.hidden = text.length === 0;
    if (answer.shortAnswer && !answer.answer.trimStart().startsWith(answer.shortAnswer)) {
      const short = element("p", "short-answer", answer.shortAnswer);
      short.dir = "auto";
      item.insertBefore(short, item.firstChild);
    }
    if (answer.verdict) {
      const badge = element("div", "verdict " + answer.verdict, l.verdict[answer.verdict] || answer.verdict);
      badge.setAttribute("role", "status");
      badge.dataset.verdict = answer.verdict;
      item.insertBefore(badge, item.firstChild);
    } else if (answer.refused) {
      const banner = element("div", "not-found", l.notFound);
      banner.setAttribute("role", "note");
      item.insertBefore(banner, item.firstChild);
    }
    if (answer.listing) {
      const section = element("section", "listing");
      section.setAttribute("aria-label", l.articles);
      section.appendChild(element("h2", null, l.count(answer.listing.total, answer.listing.articles.length)));
      const list = element("ol");
      for (const a of answer.listing.articles) {
        const row = element("li");
        row.dir = "auto";
        row.dataset.articleId = a.articleId;
        const date = element("time", "date", a.published || l.noDate);
        if (a.published) date.dateTime = a.published;
        date.dir = "ltr";
        row.appendChild(date);
        row.appendChild(document.createTextNode(" · " + (a.outlet || a.source || l.noOutlet) + " · "));
        const link = element("a", null, a.title);
        link.href = "/articles/" + encodeURIComponent(a.articleId);
        row.appendChild(link);
        list.appendChild(row);
      }
      section.appendChild(list);
      item.appendChild(section);
    }
    if (answer.citations.length > 0) {
      const section = element("section", "citations");
      section.setAttribute("aria-label", l.sources);
      section.appendChild(element("h2", null, l.sources));
      for (const c of answer.citations) {
        const card = element("article", "card");
        card.dir = "auto";
        card.dataset.articleId = c.articleId;
        const heading = element("h3");
        const link = element("a", null, "[" + c.n + "] " + c.title);
        link.href = "/articles/" + encodeURIComponent(c.articleId);
        heading.appendChild(link);
        card.appendChild(heading);
        const meta = element("p", "meta");
        meta.appendChild(element("span", "outlet", c.outlet || c.source || l.noOutlet));
        meta.appendChild(document.createTextNode(" · "));
        const date = element("time", "date", c.published || l.noDate);
        if (c.published) date.dateTime = c.published;
        date.dir = "ltr"; // ISO dates and ids read left to right even inside an Arabic card
        meta.appendChild(date);
        meta.appendChild(document.createTextNode(" · "));
        const id = element("code", "article-id", c.articleId);
        id.dir = "ltr";
        meta.appendChild(id);
        card.appendChild(meta);
        if (c.quote) { const q = element("blockquote", null, c.quote); q.dir = "auto"; card.appendChild(q); }
        section.appendChild(card);
      }
      item.appendChild(section);
    }
    item.scrollIntoView({ block: "end" });
  }

  // Reads "event: x\ndata: {...}\n\n" blocks from a fetch body.
  async function readEvents(response, onEvent) {
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const name = (block.match(/^event: (.*)$/m) || [])[1] || "message";
        const data = block.split("\n").filter((line) => line.startsWith("data: ")).map((line) => line.slice(6)).join("\n");
        if (data) onEvent(name, JSON.parse(data));
      }
    }
  }

  async function ask(text) {
    const lang = languageOf(text);
    addMessage("user", text, lang);
    const item = addMessage("bot", "", lang);
    item.setAttribute("aria-busy", "true");
    status.textContent = labels[lang].thinking;
    const headers = { "Content-Type": "application/json", "Accept": "text/event-stream" };
    const key = apiKeyInput.value.trim();
    if (key) { headers["X-Api-Key"] = key; sessionStorage.setItem("qabot.apiKey", key); }
    try {
      const response = await fetch("/api/ask", {
        method: "POST", headers, body: JSON.stringify({ question: text, conversationId: conversationId() }),
      });
      if (!response.ok) {
        let detail = "HTTP " + response.status;
        try { detail = (await response.json()).detail || detail; } catch (_) { /* not JSON */ }
        if (response.status === 401) apiKeyRow.hidden = false;
        throw new Error(detail);
      }
      let streamed = "";
      await readEvents(response, (name, data) => {
        if (name === "delta") { streamed += data.text; setIsolatedText(item.querySelector(".answer"), streamed, item.lang); }
        else if (name === "answer") renderAnswer(item, data);
      });
      status.textContent = "";
    } catch (error) {
      item.classList.add("error");
      item.querySelector(".answer").textContent = labels[lang].failed + ": " + error.message;
      status.textContent = "";
    } finally {
      item.removeAttribute("aria-busy");
    }
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = question.value.trim();
    if (!text) return;
    question.value = "";
    button.disabled = true;
    try { await ask(text); } finally { button.disabled = false; question.focus(); }
  });

  question.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); form.requestSubmit(); }
  });

  document.getElementById("new-conversation").addEventListener("click", () => {
    sessionStorage.removeItem("qabot.conversationId");
    messages.replaceChildren();
    question.focus();
  });
})();
