/* JSON output of an analysed article (issue 4): one object, offsets into the
 * original input, text slices escaped (invalid UTF-8 -> U+FFFD). */
#include "analyze.h"

#include <math.h>

#include <stdio.h>

typedef struct jw {
    vnt__buf b;
    int pretty, depth;
} jw;

static void put(jw *w, const char *s)
{
    vnt__buf_put(&w->b, s, strlen(s), 0);
}

static void nl(jw *w)
{
    if (!w->pretty) return;
    vnt__buf_putc(&w->b, '\n', 0);
    for (int i = 0; i < w->depth; i++)
        put(w, "  ");
}

static void str(jw *w, const char *s, size_t n)
{
    vnt__buf_putc(&w->b, '"', 0);
    size_t i = 0;
    while (i < n) {
        /* a run that needs no escape goes out in one piece (why: byte by
         * byte, this was a tenth of the JSON writer) */
        size_t r = i;
        for (;;) {
            if (i >= n) break;
            unsigned char c = (unsigned char)s[i];
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                i++;
                continue;
            }
            if (c < 0x80) break;
            /* well-formed 2-byte and U+1xxx 3-byte letters (most of Vietnamese)
             * inline: none is U+2028/9 (why: a decode call per letter showed) */
            if (c >= 0xC2 && c <= 0xDF && i + 1 < n && ((unsigned char)s[i + 1] & 0xC0) == 0x80) {
                i += 2;
                continue;
            }
            if (c == 0xE1 && i + 2 < n && ((unsigned char)s[i + 1] & 0xC0) == 0x80 &&
                ((unsigned char)s[i + 2] & 0xC0) == 0x80) {
                i += 3;
                continue;
            }
            uint32_t cp;
            int k = vnt_utf8_decode(s + i, n - i, &cp);
            if (k <= 0 || cp == 0x2028 || cp == 0x2029) break;
            i += (size_t)k;
        }
        if (i > r) vnt__buf_put(&w->b, s + r, i - r, 0);
        if (i >= n) break;
        unsigned char ch = (unsigned char)s[i];
        if (ch < 0x80) {
            char esc[8];
            if (ch == '"' || ch == '\\') {
                vnt__buf_putc(&w->b, '\\', 0);
                vnt__buf_putc(&w->b, (char)ch, 0);
            } else if (ch == '\n')
                put(w, "\\n");
            else if (ch == '\t')
                put(w, "\\t");
            else if (ch == '\r')
                put(w, "\\r");
            else if (ch < 0x20 || ch == 0x7f) {
                snprintf(esc, sizeof esc, "\\u%04x", ch);
                put(w, esc);
            } else
                vnt__buf_putc(&w->b, (char)ch, 0);
            i++;
            continue;
        }
        uint32_t cp;
        int k = vnt_utf8_decode(s + i, n - i, &cp);
        if (k <= 0) {
            put(w, "\xef\xbf\xbd");
            i += (size_t)(k < 0 ? -k : 1);
            continue;
        }
        if (cp == 0x2028 || cp == 0x2029) {
            put(w, cp == 0x2028 ? "\\u2028" : "\\u2029");
        } else
            vnt__buf_put(&w->b, s + i, (size_t)k, 0);
        i += (size_t)k;
    }
    vnt__buf_putc(&w->b, '"', 0);
}

static void cstr(jw *w, const char *s)
{
    str(w, s, strlen(s));
}

static void key(jw *w, const char *k, int first)
{
    if (!first) vnt__buf_putc(&w->b, ',', 0);
    nl(w);
    /* keys are the writer's own identifiers: nothing to escape, so one
     * write of "k": (why: escaping each key showed in profiles) */
    char b[40];
    size_t n = strlen(k);
    if (n + 4 > sizeof b) {
        cstr(w, k);
        put(w, w->pretty ? ": " : ":");
        return;
    }
    b[0] = '"';
    memcpy(b + 1, k, n);
    b[n + 1] = '"';
    b[n + 2] = ':';
    b[n + 3] = ' ';
    vnt__buf_put(&w->b, b, n + (w->pretty ? 4 : 3), 0);
}

static void num(jw *w, double v)
{
    char b[64];
    if (!isfinite(v)) { /* JSON has no inf/nan */
        put(w, "null");
        return;
    }
    /* range first: converting an out-of-range double to long long is undefined */
    if (v < 1e18 && v > -1e18 && v == (double)(long long)v)
        snprintf(b, sizeof b, "%lld", (long long)v);
    else
        snprintf(b, sizeof b, "%.6g", v);
    put(w, b);
}

/* Decimal digits of v written ending just before end; returns their start. */
static char *udigits(char *end, size_t v)
{
    do
        *--end = (char)('0' + v % 10);
    while ((v /= 10) != 0);
    return end;
}

static void unum(jw *w, size_t v)
{
    /* by hand (why: snprintf was a visible share of writing token offsets) */
    char b[24];
    char *p = udigits(b + sizeof b, v);
    vnt__buf_put(&w->b, p, (size_t)(b + sizeof b - p), 0);
}

/* [start,end,"name"]: one token or word, always on one line; built in
 * place and written once (why: a call per character was 4% of analyze) */
static void tok3(jw *w, size_t a, size_t e, const char *name)
{
    char b[96];
    size_t nl = strlen(name);
    if (nl > 40) { /* names are short static strings; never in practice */
        put(w, "[");
        unum(w, a);
        vnt__buf_putc(&w->b, ',', 0);
        unum(w, e);
        put(w, ",\"");
        put(w, name);
        put(w, "\"]");
        return;
    }
    char *p = b + 48; /* the digits of a and e go right to left before it */
    *--p = ',';
    p = udigits(p, e);
    *--p = ',';
    p = udigits(p, a);
    *--p = '[';
    char *q = b + 48;
    *q++ = '"';
    memcpy(q, name, nl);
    q += nl;
    *q++ = '"';
    *q++ = ']';
    vnt__buf_put(&w->b, p, (size_t)(q - p), 0);
}

static void span_fields(jw *w, const char *s, size_t a, size_t e, int first)
{
    key(w, "text", first);
    str(w, s + a, e - a);
    key(w, "start", 0);
    unum(w, a);
    key(w, "end", 0);
    unum(w, e);
}

static void open_arr(jw *w)
{
    put(w, "["), w->depth++;
}
static void close_arr(jw *w, size_t n)
{
    w->depth--;
    if (n) nl(w);
    put(w, "]");
}
static void open_obj(jw *w, size_t idx)
{
    if (idx) vnt__buf_putc(&w->b, ',', 0);
    nl(w);
    put(w, "{");
    w->depth++;
}
static void close_obj(jw *w)
{
    w->depth--;
    nl(w);
    put(w, "}");
}

static void blocks(jw *w, const vnt_article *a, const char *s, vnt_block_kind kind,
                   const char *name)
{
    key(w, name, 0);
    open_arr(w);
    size_t k = 0;
    for (size_t i = 0; i < a->n_blocks; i++) {
        const vnt_block *b = &a->blocks[i];
        if (b->kind != kind) continue;
        open_obj(w, k++);
        span_fields(w, s, b->start, b->end, 1);
        if (b->reason) {
            key(w, "reason", 0);
            cstr(w, b->reason);
        }
        close_obj(w);
    }
    close_arr(w, k);
}

vnt_status vnt_article_json(const vnt_article *a, const char *s, size_t n, const char *id,
                            const char *url, const vnt_article_opts *o, int pretty, vnt_text *out)
{
    if (!a || !out || (!s && n)) return VNT_ERR_ARG;
    if (!s) s = "";
    jw w;
    memset(&w, 0, sizeof w);
    vnt__buf_init(&w.b, 4096 + n * 4, 0);
    w.pretty = pretty;
    put(&w, "{");
    w.depth = 1;
    int first = 1;
    if (id) {
        key(&w, "id", first);
        cstr(&w, id);
        first = 0;
    }
    if (url) {
        key(&w, "url", first);
        cstr(&w, url);
        first = 0;
    }
    const vnt_block *title = NULL, *source = NULL, *lead = NULL;
    for (size_t i = 0; i < a->n_blocks; i++) {
        if (a->blocks[i].kind == VNT_BLOCK_TITLE && !title) title = &a->blocks[i];
        if (a->blocks[i].kind == VNT_BLOCK_SOURCE && !source) source = &a->blocks[i];
        if (a->blocks[i].kind == VNT_BLOCK_PARAGRAPH && !lead) lead = &a->blocks[i];
    }
    key(&w, "title", first);
    if (title)
        str(&w, s + title->start, title->end - title->start);
    else
        put(&w, "null");
    key(&w, "source", 0);
    if (source) {
        /* the agency name without brackets and dash: "(Dân trí) -" -> "Dân trí" */
        size_t b = source->start, e = source->end;
        while (e > b && (s[e - 1] == '-' || s[e - 1] == ' ' || (unsigned char)s[e - 1] >= 0x80)) {
            if ((unsigned char)s[e - 1] >= 0x80) {
                if (e - b >= 3 && (unsigned char)s[e - 3] == 0xe2)
                    e -= 3;
                else
                    break;
            } else
                e--;
        }
        if (e > b && s[e - 1] == ')') e--;
        if (b < e && s[b] == '(') b++;
        str(&w, s + b, e - b);
    } else
        put(&w, "null");
    key(&w, "date", 0);
    if (a->date[0])
        cstr(&w, a->date);
    else
        put(&w, "null");
    key(&w, "lead", 0);
    if (lead)
        str(&w, s + lead->start, lead->end - lead->start);
    else
        put(&w, "null");
    blocks(&w, a, s, VNT_BLOCK_PARAGRAPH, "paragraphs");
    blocks(&w, a, s, VNT_BLOCK_CAPTION, "captions");
    blocks(&w, a, s, VNT_BLOCK_REMOVED, "removed");
    if (source) {
        key(&w, "source_span", 0);
        put(&w, "{");
        w.depth++;
        span_fields(&w, s, source->start, source->end, 1);
        close_obj(&w);
    }

    /* sentences, with tokens and words unless asked not to */
    int tokens = !(o && (o->flags & VNT_ARTICLE_NO_TOKENS));
    key(&w, "sentences", 0);
    open_arr(&w);
    /* the analysis kept its tokens and words (why: analysing every sentence
     * again here cost as much as the whole analysis); an article analysed
     * over other bytes, or without a model when one is given now, is
     * analysed again sentence by sentence */
    const an_ctx *c = a->internal;
    int stored = c && c->s == s && c->n == n && (c->words || !(o && o->model));
    vnt_doc doc;
    memset(&doc, 0, sizeof doc);
    vnt_tokens tk;
    memset(&tk, 0, sizeof tk);
    size_t ti = 0; /* stored tokens are in text order, as are sentences */
    for (size_t i = 0; i < a->n_sentences; i++) {
        const vnt_span *se = &a->sentences[i];
        open_obj(&w, i);
        span_fields(&w, s, se->start, se->end, 1);
        if (tokens && stored) {
            while (ti < c->nt && c->t[ti].s < se->start)
                ti++;
            size_t tj = ti;
            while (tj < c->nt && c->t[tj].e <= se->end)
                tj++;
            key(&w, "tokens", 0);
            put(&w, "[");
            for (size_t k = ti; k < tj; k++) {
                if (k > ti) put(&w, ",");
                tok3(&w, c->t[k].s, c->t[k].e, vnt_token_type_name(c->t[k].type));
            }
            put(&w, "]");
            if (c->words) {
                key(&w, "words", 0);
                put(&w, "[");
                int any = 0;
                for (size_t k = ti; k < tj; k++) {
                    if (!c->t[k].word0) continue;
                    if (any) put(&w, ",");
                    any = 1;
                    size_t last = c->t[k].wlast < c->nt ? c->t[k].wlast : k;
                    tok3(&w, c->t[k].s, c->t[last].e, vnt_upos_name(c->t[k].upos));
                }
                put(&w, "]");
            }
            ti = tj;
        } else if (tokens) {
            const char *ss = s + se->start;
            size_t sn = se->end - se->start;
            int have_words = o && o->model && vnt_analyze(o->model, ss, sn, 0, &doc) == VNT_OK;
            if (!have_words && vnt_tokenize(ss, sn, 0, &tk) != VNT_OK) continue;
            const vnt_tokens *T = have_words ? &doc.tokens : &tk;
            key(&w, "tokens", 0);
            put(&w, "[");
            for (size_t k = 0; k < T->n; k++) {
                if (k) put(&w, ",");
                tok3(&w, T->tok[k].start + se->start, T->tok[k].end + se->start,
                     vnt_token_type_name(T->tok[k].type));
            }
            put(&w, "]");
            if (have_words) {
                key(&w, "words", 0);
                put(&w, "[");
                for (size_t k = 0; k < doc.n_words; k++) {
                    const vnt_word *wd = &doc.words[k];
                    if (k) put(&w, ",");
                    tok3(&w, wd->start + se->start, wd->end + se->start, vnt_upos_name(wd->upos));
                }
                put(&w, "]");
            }
        }
        close_obj(&w);
    }
    close_arr(&w, a->n_sentences);
    vnt_doc_free(&doc);
    vnt_tokens_free(&tk);

    key(&w, "entities", 0);
    open_arr(&w);
    for (size_t i = 0; i < a->n_entities; i++) {
        const vnt_entity *e = &a->entities[i];
        open_obj(&w, i);
        key(&w, "type", 1);
        cstr(&w, vnt_entity_type_name(e->type));
        span_fields(&w, s, e->start, e->end, 0);
        if (e->ref >= 0) {
            key(&w, "ref", 0);
            unum(&w, (size_t)e->ref);
        }
        if (e->nominal) {
            key(&w, "nominal", 0);
            put(&w, "true");
        }
        if (e->honorific.end > e->honorific.start) {
            key(&w, "honorific", 0);
            str(&w, s + e->honorific.start, e->honorific.end - e->honorific.start);
        }
        if (e->n_titles) {
            key(&w, "titles", 0);
            put(&w, "[");
            for (size_t k = 0; k < e->n_titles; k++) {
                const vnt_span *t = &a->titles[e->title_begin + k];
                if (k) put(&w, w.pretty ? ", " : ",");
                str(&w, s + t->start, t->end - t->start);
            }
            put(&w, "]");
        }
        if (e->level) {
            key(&w, "level", 0);
            cstr(&w, e->level);
        }
        if (e->province) {
            key(&w, "province_2025", 0);
            cstr(&w, e->province);
        }
        if (e->location.end > e->location.start) {
            key(&w, "location", 0);
            str(&w, s + e->location.start, e->location.end - e->location.start);
        }
        close_obj(&w);
    }
    close_arr(&w, a->n_entities);

    key(&w, "values", 0);
    open_arr(&w);
    for (size_t i = 0; i < a->n_values; i++) {
        const vnt_value *v = &a->values[i];
        open_obj(&w, i);
        key(&w, "kind", 1);
        cstr(&w, vnt_value_kind_name(v->kind));
        span_fields(&w, s, v->start, v->end, 0);
        key(&w, "value", 0);
        if (v->iso[0])
            cstr(&w, v->iso);
        else
            num(&w, v->value);
        if (v->unit[0]) {
            key(&w, "unit", 0);
            cstr(&w, v->unit);
        }
        if (v->part_of_day) {
            key(&w, "part_of_day", 0);
            cstr(&w, v->part_of_day);
        }
        if (v->relative) {
            key(&w, "relative", 0);
            put(&w, "true");
        }
        close_obj(&w);
    }
    close_arr(&w, a->n_values);

    key(&w, "keywords", 0);
    put(&w, "[");
    for (size_t i = 0; i < a->n_keywords; i++) {
        if (i) put(&w, w.pretty ? ", " : ",");
        cstr(&w, a->keywords[i].text);
    }
    put(&w, "]");
    key(&w, "summary", 0);
    open_arr(&w);
    for (size_t i = 0; i < a->n_summary; i++) {
        if (i) put(&w, ",");
        nl(&w);
        const vnt_span *se = &a->sentences[a->summary[i]];
        str(&w, s + se->start, se->end - se->start);
    }
    close_arr(&w, a->n_summary);
    w.depth = 0;
    nl(&w);
    put(&w, "}");
    return vnt__buf_finish(&w.b, n, out);
}
