/* News article structure and the analysis pipeline (issue 4).
 * Structure works on lines: every non-blank line, without its surrounding
 * blanks, becomes one block (a dateline prefix is split off as its own
 * block), so every input byte is in exactly one block or is whitespace. */
#include "analyze.h"
#include "ner.h"

#include <math.h>
#include <stdio.h>

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static int grow(void **p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap) return 1;
    size_t nc = *cap ? *cap : 16;
    while (nc < need)
        nc *= 2;
    void *q = realloc(*p, nc * elem);
    if (!q) return 0;
    *p = q;
    *cap = nc;
    return 1;
}

int vnt__an_push_value(an_ctx *c, const vnt_value *v)
{
    vnt_article *a = c->a;
    if (!grow((void **)&a->values, &c->cap_val, a->n_values + 1, sizeof *a->values))
        return c->nomem = 1, 0;
    a->values[a->n_values++] = *v;
    return 1;
}

long vnt__an_push_entity(an_ctx *c, const vnt_entity *e)
{
    vnt_article *a = c->a;
    if (!grow((void **)&a->entities, &c->cap_ent, a->n_entities + 1, sizeof *a->entities))
        return c->nomem = 1, -1;
    a->entities[a->n_entities] = *e;
    return (long)a->n_entities++;
}

int vnt__an_push_title(an_ctx *c, size_t s, size_t e)
{
    vnt_article *a = c->a;
    if (!grow((void **)&a->titles, &c->cap_titles, a->n_titles + 1, sizeof *a->titles))
        return c->nomem = 1, 0;
    a->titles[a->n_titles].start = s;
    a->titles[a->n_titles++].end = e;
    return 1;
}

static int push_block(an_ctx *c, size_t s, size_t e, vnt_block_kind k, const char *reason)
{
    vnt_article *a = c->a;
    if (!grow((void **)&a->blocks, &c->cap_blocks, a->n_blocks + 1, sizeof *a->blocks))
        return c->nomem = 1, 0;
    vnt_block *b = &a->blocks[a->n_blocks++];
    b->start = s;
    b->end = e;
    b->kind = k;
    b->reason = reason;
    return 1;
}

int vnt__an_in(const char *w, const char *const *list, size_t n)
{
    /* binary search (why: the linear scan was ~10% of analyze) */
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int d = vnt__strcmp(w, list[mid]);
        if (!d) return 1;
        if (d < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return 0;
}

int vnt__an_sorted(const char *const *list, size_t n)
{
    for (size_t i = 1; i < n; i++)
        if (strcmp(list[i - 1], list[i]) > 0) return 0;
    return 1;
}

void vnt__an_lower(const char *s, size_t n, char *out, size_t cap)
{
    size_t o = 0, i = 0;
    while (i < n) {
        unsigned char ch = (unsigned char)s[i];
        if (ch < 0x80) { /* ASCII straight (why: most bytes; decoding each was 2%) */
            if (o + 2 > cap) break;
            out[o++] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
            i++;
            continue;
        }
        uint32_t cp;
        int k = vnt_utf8_decode(s + i, n - i, &cp);
        int ok = k > 0;
        if (k <= 0) k = 1;
        i += (size_t)k;
        vnt__letter lt;
        char buf[4];
        const char *src = buf;
        size_t bl;
        if (vnt__letter_get(cp, &lt) && lt.upper) {
            lt.upper = 0;
            bl = vnt_utf8_encode(vnt__letter_to_cp(&lt), buf);
        } else if (ok) {
            /* well-formed and not an upper-case letter: the bytes as they
             * are (a decoded lower-case letter re-encodes to itself) */
            src = s + i - (size_t)k;
            bl = (size_t)k;
        } else {
            bl = vnt_utf8_encode(cp, buf);
        }
        if (o + bl + 1 > cap) break;
        memcpy(out + o, src, bl);
        o += bl;
    }
    if (cap) out[o < cap ? o : cap - 1] = 0;
}

/* ---------------------------------------------------------------- lines */

static int is_blank(unsigned char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\f' || ch == '\v';
}

static int starts_ci(const char *s, size_t n, const char *p)
{
    size_t k = strlen(p);
    if (n < k) return 0;
    char lo[64];
    vnt__an_lower(s, k, lo, sizeof lo);
    return !strncmp(lo, p, k);
}

static int ends_with(const char *s, size_t n, const char *p)
{
    size_t k = strlen(p);
    return n >= k && !memcmp(s + n - k, p, k);
}

/* Alt-text residue: an image's alt text left by the scraper ends in "-0", "-1"… */
static int is_alt_text(const char *s, size_t n)
{
    size_t i = n;
    while (i && s[i - 1] >= '0' && s[i - 1] <= '9')
        i--;
    return i < n && n - i <= 2 && i >= 2 && s[i - 1] == '-' && s[i - 2] == ' ';
}

static const char *residue_reason(const char *s, size_t n)
{
    /* share / related-story lines (short, from the page chrome) */
    static const char *const rel[] = {
        "xem thêm",     "đọc thêm", "tin liên quan", "bài liên quan", "tin cùng chuyên mục",
        "tin mới nhất", "xem tiếp"};
    static const char *const share[] = {"chia sẻ",  "share",  "tweet",    "bình luận",
                                        "theo dõi", "bấm để", "click để", "in bài"};
    if (n < 200)
        for (size_t i = 0; i < COUNT(rel); i++)
            if (starts_ci(s, n, rel[i])) return "related";
    if (n < 60)
        for (size_t i = 0; i < COUNT(share); i++)
            if (starts_ci(s, n, share[i])) return "share";
    if (is_alt_text(s, n)) return "alt-text";
    if (n < 80 &&
        (starts_ci(s, n, "ảnh:") || starts_ci(s, n, "ảnh :") || starts_ci(s, n, "nguồn ảnh") ||
         starts_ci(s, n, "(ảnh:") || starts_ci(s, n, "video:") || starts_ci(s, n, "clip:")))
        return "photo-credit";
    if (n < 16 && (starts_ci(s, n, "&nbsp") || (n >= 2 && s[0] == '&' && s[1] == '#')))
        return "html";
    return NULL;
}

/* A dateline at the start of a line: "NDO -", "TTO -", "VOV.VN -", "(Dân trí) -",
 * "(PLO)-". Returns the dateline length (without the blanks after the dash),
 * 0 if none. */
static size_t dateline(const char *s, size_t n)
{
    size_t i = 0;
    if (n && s[0] == '(') {
        size_t j = 1;
        while (j < n && j < 40 && s[j] != ')' && s[j] != '\n')
            j++;
        if (j >= n || s[j] != ')' || j < 3) return 0;
        /* a capitalised source name inside the brackets */
        uint32_t cp;
        vnt__letter lt;
        if (vnt_utf8_decode(s + 1, n - 1, &cp) <= 0 || !vnt__letter_get(cp, &lt) || !lt.upper)
            return 0;
        i = j + 1;
    } else {
        /* an upper-case agency tag: letters, dots, digits */
        size_t j = 0, letters = 0, lower = 0;
        while (j < n && j < 24 && !is_blank((unsigned char)s[j]) && s[j] != '-') {
            unsigned char ch = (unsigned char)s[j];
            if (ch >= 'A' && ch <= 'Z')
                letters++;
            else if (ch >= 'a' && ch <= 'z')
                lower++;
            else if (ch == '.' || (ch >= '0' && ch <= '9') || ch >= 0x80) {
            } else
                return 0;
            j++;
        }
        if (letters < 2 || lower > letters) return 0;
        /* "VnExpress", "Zing": mixed case only with a known name */
        i = j;
    }
    size_t k = i;
    while (k < n && is_blank((unsigned char)s[k]))
        k++;
    if (k < n && s[k] == '-')
        k++;
    else if (k + 3 <= n && (!memcmp(s + k, "\xe2\x80\x93", 3) || !memcmp(s + k, "\xe2\x80\x94", 3)))
        k += 3;
    else
        return 0;
    /* the dash must be followed by a blank or end the line */
    if (k < n && !is_blank((unsigned char)s[k])) return 0;
    return k;
}

/* a line that credits a photo: "(Ảnh: …)", "(ảnh minh họa)" */
static int photo_credit(const char *p, size_t len)
{
    /* every marker has a bracket (why: lower-casing every line cost 1%) */
    if (len >= 400 || !memchr(p, '(', len)) return 0;
    char lo[512];
    vnt__an_lower(p, len, lo, sizeof lo);
    return strstr(lo, "(ảnh:") || strstr(lo, "(ảnh minh họa") || strstr(lo, "(ảnh minh hoạ") ||
           strstr(lo, "(ảnh: ") || strstr(lo, "(nguồn:") || strstr(lo, "(ảnh internet") ||
           strstr(lo, "(ảnh chụp màn hình") || strstr(lo, "(photo:");
}

/* a sentence end inside the line: ". X", "? X", "! X" */
static int inner_stop(const char *p, size_t len)
{
    for (size_t i = 0; i + 2 < len; i++)
        if ((p[i] == '.' || p[i] == '?' || p[i] == '!') && p[i + 1] == ' ' &&
            ((unsigned char)p[i + 2] >= 0x80 || (p[i + 2] >= 'A' && p[i + 2] <= 'Z')))
            return 1;
    return 0;
}

static int has(const char *p, size_t len, const char *w)
{
    size_t k = strlen(w);
    for (size_t i = 0; i + k <= len; i++)
        if (p[i] == w[0] && !memcmp(p + i, w, k)) return 1;
    return 0;
}

/* A caption without a marker: one short declarative sentence that shows
 * rather than reports ("Một khách sạn cách ly công dân nhập cảnh trên địa
 * bàn TP Đà Nẵng.", "Ông Jorge Messi (ngồi bên phải, hàng trước) xuất hiện
 * trên khán đài…"): no comma outside brackets (no opening adverbial or
 * clause), no quotes or colon, no reporting verb, pronoun or connective. */
static int bare_caption(const char *p, size_t len)
{
    if (len < 30 || len > 180 || p[len - 1] != '.' || inner_stop(p, len)) return 0;
    /* list items, numbers, trailing-off text ("…", "...") are body text */
    if (p[0] == '-' || p[0] == '+' || (p[0] >= '0' && p[0] <= '9') || (unsigned char)p[0] == 0xe2 ||
        has(p, len, "..") || has(p, len, "\xe2\x80\xa6"))
        return 0;
    int depth = 0;
    for (size_t i = 0; i < len; i++) {
        char ch = p[i];
        if (ch == '(') depth++;
        if (ch == ')' && depth) depth--;
        if ((ch == ',' && !depth) || ch == '"' || ch == ':' || ch == ';' || ch == '?' || ch == '!')
            return 0;
        if ((unsigned char)ch == 0xe2 && i + 2 < len && (unsigned char)p[i + 1] == 0x80 &&
            ((unsigned char)p[i + 2] == 0x9c || (unsigned char)p[i + 2] == 0x9d))
            return 0; /* curly quotes */
    }
    char lo[256];
    vnt__an_lower(p, len, lo + 1, sizeof lo - 2);
    lo[0] = ' ';
    size_t ll = strlen(lo);
    lo[ll - 1] = ' '; /* the full stop */
    static const char *const no[] = {
        " rằng ",   " cho biết ",   " tôi ",      " chúng tôi ", " nó ",        " họ ",
        " này ",    " đó ",         " nhưng ",    " vì ",        " nên ",       " khi ",
        " nếu ",    " theo ",       " được cho ", " cũng ",      " đã ",        " sẽ ",
        " thì ",    " mà ",         " nói ",      " em ",        " mình ",      " tuy ",
        " do ",     " việc ",       " ngoài ra ", " hiện ",      " thời gian ", " trước đó ",
        " sau đó ", " là ",         " có thể ",   " đây ",       " song ",      " thực sự ",
        " dẫu ",    " nhiều người "};
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        if (strstr(lo, no[i])) return 0;
    return 1;
}

typedef struct line {
    size_t s, e;
} line;

vnt_status vnt__an_structure(an_ctx *c)
{
    const char *s = c->s;
    size_t n = c->n;
    line *L = NULL;
    size_t nl = 0, capl = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && s[j] != '\n')
            j++;
        size_t a = i, b = j;
        while (a < b && is_blank((unsigned char)s[a]))
            a++;
        while (b > a && is_blank((unsigned char)s[b - 1]))
            b--;
        if (b > a) {
            if (!grow((void **)&L, &capl, nl + 1, sizeof *L)) return free(L), VNT_ERR_NOMEM;
            L[nl].s = a;
            L[nl++].e = b;
        }
        i = j + 1;
    }
    int have_title = 0, after_alt = 0, seen_para = 0;
    for (size_t li = 0; li < nl; li++) {
        size_t a = L[li].s, b = L[li].e, len = b - a;
        const char *p = s + a;
        const char *why;
        /* the second copy of a line printed twice (captions are) */
        if (li > 0 && L[li - 1].e - L[li - 1].s == len && !memcmp(s + L[li - 1].s, p, len)) {
            push_block(c, a, b, VNT_BLOCK_REMOVED, "duplicate");
            continue;
        }
        if ((why = residue_reason(p, len)) != NULL) {
            push_block(c, a, b, VNT_BLOCK_REMOVED, why);
            after_alt = !strcmp(why, "alt-text");
            continue;
        }
        size_t dl = dateline(p, len);
        if (dl && li <= 3) {
            push_block(c, a, a + dl, VNT_BLOCK_SOURCE, NULL);
            size_t k = a + dl;
            while (k < b && is_blank((unsigned char)s[k]))
                k++;
            if (k < b) push_block(c, k, b, VNT_BLOCK_PARAGRAPH, NULL);
            have_title = 1;
            continue;
        }
        unsigned char last = (unsigned char)p[len - 1];
        int terminal = last == '.' || last == ':' || last == ';' || last == ',' ||
                       ends_with(p, len, "\xe2\x80\xa6");
        /* a first line credited "(ảnh minh họa)" is a caption, not a headline */
        if (!have_title && li == 0 && nl > 1 && len <= 250 && !terminal && !photo_credit(p, len)) {
            push_block(c, a, b, VNT_BLOCK_TITLE, NULL);
            have_title = 1;
            continue;
        }
        have_title = 1;
        /* captions: the first copy of a duplicated line, the line after an
         * alt-text residue, a line that credits a photo */
        int cap = 0;
        if (li + 1 < nl && L[li + 1].e - L[li + 1].s == len && !memcmp(s + L[li + 1].s, p, len))
            cap = 1;
        else if (after_alt && len < 300 && !inner_stop(p, len))
            cap = 1; /* (a caption is one sentence; a paragraph may follow the residue) */
        else if (photo_credit(p, len))
            cap = 1;
        else if (seen_para && li + 1 < nl && bare_caption(p, len))
            cap = 1; /* (not the lead, not the last line) */
        after_alt = 0;
        if (!cap) seen_para = 1;
        push_block(c, a, b, cap ? VNT_BLOCK_CAPTION : VNT_BLOCK_PARAGRAPH, NULL);
    }
    free(L);
    return c->nomem ? VNT_ERR_NOMEM : VNT_OK;
}

/* ------------------------------------------------------------- pipeline */

static int parse_date(const char *d, int *y, int *m, int *dd)
{
    int a = 0, b = 0, e = 0;
    if (!d) return 0;
    size_t n = strlen(d);
    if (n == 8 && sscanf(d, "%4d%2d%2d", &a, &b, &e) == 3) {
    } else if (sscanf(d, "%d-%d-%d", &a, &b, &e) != 3)
        return 0;
    if (a < 1000 || a > 9999 || b < 1 || b > 12 || e < 1 || e > 31) return 0;
    *y = a, *m = b, *dd = e;
    return 1;
}

static int tokens_of_block(an_ctx *c, const vnt_article_opts *o, vnt_doc *doc, vnt_tokens *tk,
                           vnt_sentences *ss, size_t bs, size_t be)
{
    vnt_article *a = c->a;
    const vnt_tokens *T;
    const vnt_sentences *S;
    int have_words = 0;
    if (o && o->model) {
        if (vnt_analyze(o->model, c->s + bs, be - bs, 0, doc) != VNT_OK) return 0;
        T = &doc->tokens;
        S = &doc->sentences;
        have_words = 1;
    } else {
        if (vnt_tokenize(c->s + bs, be - bs, 0, tk) != VNT_OK) return 0;
        if (vnt_split_sentences(c->s + bs, be - bs, tk, ss) != VNT_OK) return 0;
        T = tk;
        S = ss;
    }
    size_t base = c->nt;
    const uint64_t *keys = have_words ? vnt__doc_keys(doc) : NULL;
    if (!grow((void **)&c->t, &c->cap_t, c->nt + T->n, sizeof *c->t)) return 0;
    for (size_t i = 0; i < T->n; i++) {
        an_tok *t = &c->t[c->nt++];
        memset(t, 0, sizeof *t);
        t->s = T->tok[i].start + bs;
        t->e = T->tok[i].end + bs;
        t->type = (uint8_t)T->tok[i].type;
        t->cse = (uint8_t)VNT_TOKEN_CASE(T->tok[i].flags);
        t->word0 = 1;
        t->wlast = (uint32_t)(base + i);
        t->upos = VNT_UPOS_X;
        t->key = keys ? keys[i] : 0;
        vnt__an_lower(c->s + t->s, t->e - t->s, t->lk, sizeof t->lk);
    }
    if (have_words)
        for (size_t w = 0; w < doc->n_words; w++) {
            const vnt_word *W = &doc->words[w];
            for (size_t k = W->tok_begin; k < W->tok_end; k++) {
                an_tok *t = &c->t[base + k];
                t->word0 = k == W->tok_begin;
                t->wlast = (uint32_t)(base + W->tok_end - 1);
                t->upos = (uint8_t)W->upos;
            }
        }
    if (!grow((void **)&a->sentences, &c->cap_sent, a->n_sentences + S->n, sizeof *a->sentences))
        return 0;
    for (size_t i = 0; i < S->n; i++) {
        a->sentences[a->n_sentences].start = S->sent[i].start + bs;
        a->sentences[a->n_sentences++].end = S->sent[i].end + bs;
        if (S->sent[i].tok_begin < T->n) c->t[base + S->sent[i].tok_begin].sent0 = 1;
    }
    return 1;
}

/* ------------------------------------------------ keywords and summary */

static uint32_t fnv(const char *s, size_t n, uint32_t h)
{
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

/* The same idf bytes as last time: address, length and both ends (why: a
 * caller may reuse a buffer for another file). */
static uint32_t idf_sig(const char *idf, size_t n)
{
    size_t k = n < 256 ? n : 256;
    return fnv(idf + n - k, k, fnv(idf, k, 2166136261u));
}

static uint64_t fnv64(const char *s, size_t n)
{
    uint64_t h = 14695981039346656037u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211u;
    return h;
}

/* A slot holds a key's 64-bit hash with its low 16 bits replaced by the idf
 * in thousandths + 32768 (why: one cache line per lookup and no text to
 * compare; tools/gen_idf.c writes "%.3f", and a false match needs two keys
 * equal in 48 hash bits). 0 is an empty slot. */
#define IDF_EMPTY 0u

/* Hash the "key<TAB>number" lines of f[0..n) into *slot (see above); kept
 * while the same bytes are passed again. The bytes are checked once per
 * article (gen): within one call they cannot change, and signing them at
 * every lookup was 1% of the analysis. */
static int kset_build(an_ctx *c, const char *f, size_t n, uint64_t **slot, size_t *capp,
                      const char **pp, size_t *np, uint32_t *sigp, unsigned *genp)
{
    if (*slot && *pp == f && *np == n && *genp == c->gen) return 1;
    uint32_t sig = idf_sig(f, n);
    if (*slot && *pp == f && *np == n && *sigp == sig) return *genp = c->gen, 1;
    size_t lines = 0;
    for (size_t i = 0; i < n; i++)
        lines += f[i] == '\n';
    size_t cap = 64;
    while (cap < lines * 2 + 2)
        cap *= 2;
    uint64_t *T = calloc(cap, sizeof *T);
    if (!T) return c->nomem = 1, 0;
    for (size_t ls = 0; ls < n;) {
        size_t te = ls;
        while (te < n && f[te] != '\t' && f[te] != '\n')
            te++;
        size_t le = te;
        while (le < n && f[le] != '\n')
            le++;
        if (te < n && f[te] == '\t' && f[ls] != '#') {
            uint64_t h = fnv64(f + ls, te - ls);
            char num[32];
            size_t nl = le - te - 1 < sizeof num - 1 ? le - te - 1 : sizeof num - 1;
            memcpy(num, f + te + 1, nl);
            num[nl] = 0;
            double v = atof(num) * 1000;
            long q = v < 0 ? (long)(v - 0.5) : (long)(v + 0.5);
            if (q < -32768) q = -32768;
            if (q > 32767) q = 32767;
            uint64_t e = (h & ~(uint64_t)0xffff) | (uint64_t)(q + 32768);
            if (e == IDF_EMPTY) e = 1;
            size_t k = (size_t)h & (cap - 1);
            while (T[k] != IDF_EMPTY)
                k = (k + 1) & (cap - 1);
            T[k] = e;
        }
        ls = le + 1;
    }
    free(*slot);
    *slot = T;
    *capp = cap;
    *pp = f;
    *np = n;
    *sigp = sig;
    *genp = c->gen;
    return 1;
}

static int idf_index(an_ctx *c, const char *idf, size_t n)
{
    return kset_build(c, idf, n, &c->idf_slot, &c->idf_cap, &c->idf_p, &c->idf_n, &c->idf_sig,
                      &c->idf_gen);
}

static double kset_get(const uint64_t *slot, size_t cap, const char *key, int *found)
{
    uint64_t h = fnv64(key, strlen(key));
    for (size_t k = (size_t)h & (cap - 1); slot[k] != IDF_EMPTY; k = (k + 1) & (cap - 1))
        if ((slot[k] & ~(uint64_t)0xffff) == (h & ~(uint64_t)0xffff)) {
            *found = 1;
            return ((double)(long)(slot[k] & 0xffff) - 32768) / 1000;
        }
    *found = 0;
    return 0;
}

int vnt__an_org_name(an_ctx *c, const char *key)
{
    const vnt_article_opts *o = c->opts;
    if (!o || o->version < 2 || !o->orgs || !o->orgs_len) return 0;
    if (!kset_build(c, o->orgs, o->orgs_len, &c->org_slot, &c->org_cap, &c->org_p, &c->org_n,
                    &c->org_sig, &c->org_gen))
        return 0;
    int found = 0;
    kset_get(c->org_slot, c->org_cap, key, &found);
    return found;
}

/* idf of a key; 0 with *found = 0 if absent */
static double idf_lookup(const an_ctx *c, const char *key, int *found)
{
    return kset_get(c->idf_slot, c->idf_cap, key, found);
}

/* Function words never used as keywords (why: IDF alone still ranks some of them). */
static const char *const stop1[] = {
    "anh",  "biết",  "bà",    "bị",    "bởi",   "cho",   "cho biết", "chúng", "chỉ",   "chị",
    "các",  "còn",   "có",    "cô",    "cùng",  "cũng",  "cả",       "của",   "do",    "em",
    "giờ",  "gì",    "hay",   "hiện",  "hoặc",  "hơn",   "hết",      "họ",    "khi",   "không",
    "luôn", "là",    "làm",   "lên",   "lại",   "lần",   "mà",       "mình",  "một",   "mới",
    "nay",  "ngày",  "người", "nhiều", "như",   "nhưng", "nhất",     "nhằm",  "những", "nào",
    "này",  "nên",   "nó",    "năm",   "nếu",   "qua",   "ra",       "rất",   "rằng",  "sau",
    "sẽ",   "số",    "theo",  "thành", "tháng", "thêm",  "thì",      "thế",   "thể",   "trong",
    "trên", "trước", "trở",   "tuy",   "tôi",   "tại",   "tới",      "từ",    "từng",  "việc",
    "và",   "vào",   "vì",    "vẫn",   "vậy",   "về",    "với",      "xuống", "ông",   "đang",
    "đi",   "đây",   "đã",    "đó",    "được",  "đến",   "đều",      "để",    "đồng",  "ở"};

int vnt__an_article_lists_sorted(void)
{
    return vnt__an_sorted(stop1, COUNT(stop1));
}

typedef struct kw {
    size_t s, e; /* first occurrence */
    char key[64];
    double tf, score;
} kw;

/* The lower-case key of the word starting at token i. A one-token word
 * shorter than the token's cut (36 bytes: a 4-byte character may have
 * stopped at 36) has it at hand (why: lower-casing every word again showed
 * in profiles). */
static void word_key(const an_ctx *c, size_t i, char key[64])
{
    const an_tok *t = &c->t[i];
    size_t l = t->wlast == i ? strlen(t->lk) : 64;
    if (l <= 35)
        memcpy(key, t->lk, l + 1);
    else
        vnt__an_lower(c->s + t->s, c->t[t->wlast].e - t->s, key, 64);
}

/* A keyword candidate at token i (the first of a word): its lower-case key;
 * 0 when the word is none. Shared with tools/gen_idf.c (why: the corpus
 * statistic must count exactly the keys looked up here). */
static int cand_key(const an_ctx *c, size_t i, char key[64])
{
    const an_tok *t = &c->t[i];
    if (!t->word0) return 0;
    size_t j = t->wlast;
    /* candidates: words of letters (from the segmenter, or single syllables) */
    for (size_t k = i; k <= j; k++)
        if (c->t[k].type != VNT_TOK_SYLLABLE && c->t[k].type != VNT_TOK_FOREIGN &&
            c->t[k].type != VNT_TOK_ABBREV && c->t[k].type != VNT_TOK_CODE)
            return 0;
    if (t->upos != VNT_UPOS_X && t->upos != VNT_UPOS_NOUN && t->upos != VNT_UPOS_PROPN &&
        t->upos != VNT_UPOS_VERB && t->upos != VNT_UPOS_ADJ)
        return 0;
    word_key(c, i, key);
    if (j == i && vnt__an_in(key, stop1, COUNT(stop1))) return 0;
    if (strlen(key) < 2) return 0;
    return 1;
}

size_t vnt__an_keys(const vnt_article *a, void (*fn)(void *u, const char *key), void *u)
{
    const an_ctx *c = a->internal; /* an_internal starts with its an_ctx */
    size_t n = 0;
    if (!c) return 0;
    for (size_t i = 0; i < c->nt; i++) {
        char key[64];
        if (!cand_key(c, i, key)) continue;
        fn(u, key);
        n++;
        i = c->t[i].wlast;
    }
    return n;
}

static void keywords(an_ctx *c, const vnt_article_opts *o)
{
    vnt_article *a = c->a;
    a->n_keywords = 0;
    if (!c->nt) return;
    kw *K = NULL;
    size_t nk = 0, ck = 0;
    /* distinct keys through an open-addressing table of K indices + 1 (why:
     * the linear search was quadratic in the article's vocabulary) */
    size_t hcap = 64;
    while (hcap < c->nt * 2)
        hcap *= 2;
    uint32_t *H = calloc(hcap, sizeof *H);
    if (!H) {
        c->nomem = 1;
        return;
    }
    for (size_t i = 0; i < c->nt; i++) {
        an_tok *t = &c->t[i];
        size_t j = t->wlast;
        char key[64];
        if (!cand_key(c, i, key)) continue;
        uint32_t h = 2166136261u;
        for (const char *q = key; *q; q++)
            h = (h ^ (unsigned char)*q) * 16777619u;
        size_t slot = h & (hcap - 1), f = nk;
        while (H[slot]) {
            if (!strcmp(K[H[slot] - 1].key, key)) {
                f = H[slot] - 1;
                break;
            }
            slot = (slot + 1) & (hcap - 1);
        }
        if (f == nk) {
            if (!grow((void **)&K, &ck, nk + 1, sizeof *K)) {
                c->nomem = 1;
                free(K);
                free(H);
                return;
            }
            H[slot] = (uint32_t)(nk + 1);
            memset(&K[nk], 0, sizeof *K);
            memcpy(K[nk].key, key, sizeof key);
            K[nk].s = t->s;
            K[nk].e = c->t[j].e;
            nk++;
        }
        K[f].tf += 1;
        i = j;
    }
    free(H);
    int have_idf = o && o->idf && o->idf_len && idf_index(c, o->idf, o->idf_len);
    for (size_t f = 0; f < nk; f++) {
        int found = 0;
        double idf = have_idf ? idf_lookup(c, K[f].key, &found) : 0;
        /* unseen in the corpus: as rare as the rarest kept words (why: names);
         * a word in more articles than there are (counted twice) is common */
        if (!found)
            idf = have_idf ? 6.0 : 1.0;
        else if (idf < 0)
            idf = 0;
        int multi = strchr(K[f].key, ' ') != NULL;
        K[f].score = (1 + log(K[f].tf)) * idf * (multi ? 1.3 : 1.0);
    }
    for (size_t r = 0; r < COUNT(a->keywords) && r < nk; r++) {
        size_t best = r;
        for (size_t f = r + 1; f < nk; f++)
            if (K[f].score > K[best].score || (K[f].score == K[best].score && K[f].s < K[best].s))
                best = f;
        kw tmp = K[r];
        K[r] = K[best];
        K[best] = tmp;
        vnt_keyword *out = &a->keywords[a->n_keywords++];
        size_t len = K[r].e - K[r].s;
        if (len > sizeof out->text - 1) len = sizeof out->text - 1;
        memcpy(out->text, c->s + K[r].s, len);
        out->text[len] = 0;
        out->score = K[r].score;
    }
    /* summary: the 3 sentences with the most keyword weight, lead favoured,
     * in text order (why: news puts the essentials first) */
    a->n_summary = 0;
    double sc[3] = {-1, -1, -1};
    size_t idx[3] = {0, 0, 0};
    size_t ti = 0;
    uint32_t first[8] = {0};
    for (size_t f = 0; f < nk && f < 20; f++)
        first[(unsigned char)K[f].key[0] >> 5] |= 1u << ((unsigned char)K[f].key[0] & 31);
    for (size_t si = 0; si < a->n_sentences; si++) {
        size_t ss = a->sentences[si].start, se = a->sentences[si].end;
        int in_title = 0;
        for (size_t b = 0; b < a->n_blocks; b++)
            if (a->blocks[b].kind != VNT_BLOCK_PARAGRAPH && a->blocks[b].start <= ss &&
                se <= a->blocks[b].end)
                in_title = 1;
        if (in_title) continue;
        double w = 0;
        size_t ntok = 0;
        while (ti < c->nt && c->t[ti].s < ss)
            ti++;
        for (size_t k = ti; k < c->nt && c->t[k].e <= se; k++) {
            ntok++;
            /* a word whose first byte starts no top key needs no key (why:
             * lower-casing every word was 2% of analyze) */
            if (!c->t[k].word0 || !(first[(unsigned char)c->t[k].lk[0] >> 5] &
                                    (1u << ((unsigned char)c->t[k].lk[0] & 31))))
                continue;
            char key[64];
            word_key(c, k, key);
            for (size_t f = 0; f < nk && f < 20; f++)
                if (K[f].key[0] == key[0] && !strcmp(K[f].key, key)) w += K[f].score;
        }
        if (ntok < 5) continue;
        w = w / sqrt((double)ntok) * (si < 3 ? 1.5 : 1.0);
        for (int r = 0; r < 3; r++)
            if (w > sc[r]) {
                for (int q = 2; q > r; q--)
                    sc[q] = sc[q - 1], idx[q] = idx[q - 1];
                sc[r] = w;
                idx[r] = si;
                break;
            }
    }
    for (int r = 0; r < 3; r++)
        if (sc[r] >= 0) a->summary[a->n_summary++] = idx[r];
    for (size_t p = 1; p < a->n_summary; p++)
        for (size_t q = p; q > 0 && a->summary[q - 1] > a->summary[q]; q--) {
            size_t tmp = a->summary[q];
            a->summary[q] = a->summary[q - 1];
            a->summary[q - 1] = tmp;
        }
    free(K);
}

/* ---------------------------------------------------------------- API */

/* The token after the window that starts at token lo: the first sentence
 * start at least VNT__AN_ENTITY_WINDOW bytes on, or the first word start
 * half a window later still (a text without sentence ends). No word
 * straddles two windows. */
static size_t window_end(const an_tok *t, size_t nt, size_t lo)
{
    size_t k = lo + 1;
    while (k < nt && t[k].s - t[lo].s < VNT__AN_ENTITY_WINDOW)
        k++;
    while (k < nt && !t[k].sent0 && t[k].s - t[lo].s < VNT__AN_ENTITY_WINDOW * 3 / 2)
        k++;
    while (k < nt && !t[k].word0)
        k++;
    return k;
}

/* Token indices held in tokens (wlast) are relative to c->t: shift them
 * by -d into a window starting at token d, and back by +d after. */
static void shift_words(an_tok *t, size_t n, size_t d, int into)
{
    for (size_t k = 0; k < n; k++)
        t[k].wlast = into ? t[k].wlast - (uint32_t)d : t[k].wlast + (uint32_t)d;
}

/* Entities (rules, then the entity tagger) window by window; each window's
 * are appended to the ones before, their refs shifted. One window, the
 * usual case, leaves them where they are. Returns 0 on NOMEM. */
static int entities_windowed(an_ctx *c, const vnt_article_opts *o)
{
    vnt_article *a = c->a;
    an_tok *t_all = c->t;
    size_t nt_all = c->nt, n_acc = 0, cap_acc = 0;
    vnt_entity *acc = NULL;
    int ok = 1;
    for (size_t lo = 0;;) {
        size_t hi = window_end(t_all, nt_all, lo);
        if (hi > nt_all) hi = nt_all;
        c->t = lo ? t_all + lo : t_all; /* (no tokens: t_all may be NULL) */
        c->nt = hi - lo;
        a->n_entities = 0;
        if (lo) shift_words(c->t, c->nt, lo, 1);
        vnt__an_entities(c);
        if (!(o && (o->flags & VNT_ARTICLE_RULES_ONLY))) vnt__an_ner(c);
        if (lo) shift_words(c->t, c->nt, lo, 0);
        if (lo == 0 && hi >= nt_all) break; /* one window */
        if (!grow((void **)&acc, &cap_acc, n_acc + a->n_entities + 1, sizeof *acc)) {
            ok = 0;
            break;
        }
        for (size_t k = 0; k < a->n_entities; k++) {
            acc[n_acc + k] = a->entities[k];
            if (acc[n_acc + k].ref >= 0) acc[n_acc + k].ref += (long)n_acc;
        }
        n_acc += a->n_entities;
        lo = hi;
        if (lo >= nt_all) {
            if (!grow((void **)&a->entities, &c->cap_ent, n_acc + 1, sizeof *a->entities)) {
                ok = 0;
                a->n_entities = 0;
                break;
            }
            if (n_acc) memcpy(a->entities, acc, n_acc * sizeof *acc);
            a->n_entities = n_acc;
            break;
        }
    }
    free(acc);
    c->t = t_all;
    c->nt = nt_all;
    return ok;
}

vnt_status vnt_article_analyze(const char *s, size_t n, const vnt_article_opts *o, vnt_article *a)
{
    if (!a || (!s && n)) return VNT_ERR_ARG;
    if (o && o->version < 1) return VNT_ERR_ARG;
    if (!s) s = "";
    if (!a->internal && !(a->internal = calloc(1, sizeof(an_internal)))) return VNT_ERR_NOMEM;
    an_internal *in = a->internal;
    an_ctx *c = &in->ctx;
    c->s = s;
    c->n = n;
    c->a = a;
    c->nt = 0;
    c->words = o && o->model;
    c->opts = o;
    c->nomem = 0;
    c->year = c->month = c->day = 0;
    a->n_blocks = a->n_entities = a->n_titles = a->n_values = a->n_sentences = 0;
    a->n_summary = a->n_keywords = 0;
    a->date[0] = 0;
    vnt_status st = vnt__an_structure(c);
    if (st != VNT_OK) return st;
    for (size_t b = 0; b < a->n_blocks; b++) {
        vnt_block_kind k = a->blocks[b].kind;
        if (k == VNT_BLOCK_REMOVED || k == VNT_BLOCK_SOURCE) continue;
        if (!tokens_of_block(c, o, &a->doc, &in->tk, &in->ss, a->blocks[b].start, a->blocks[b].end))
            return VNT_ERR_NOMEM;
    }
    if (o && parse_date(o->date, &c->year, &c->month, &c->day))
        snprintf(a->date, sizeof a->date, "%04d-%02d-%02d", c->year, c->month, c->day);
    vnt__an_facts(c);
    /* no metadata: the first full date of the text (its year may itself come
     * from the text, e.g. "Sáng 26/1" with "năm 2022" later) */
    for (size_t v = 0; !a->date[0] && v < a->n_values; v++)
        if (a->values[v].kind == VNT_VAL_DATE && strlen(a->values[v].iso) == 10 &&
            !a->values[v].relative)
            memcpy(a->date, a->values[v].iso, 11);
    if (!entities_windowed(c, o)) c->nomem = 1;
    keywords(c, o);
    return c->nomem ? VNT_ERR_NOMEM : VNT_OK;
}

void vnt_article_free(vnt_article *a)
{
    if (!a) return;
    free(a->blocks);
    free(a->entities);
    free(a->titles);
    free(a->values);
    free(a->sentences);
    vnt_doc_free(&a->doc);
    an_internal *in = a->internal;
    if (in) {
        free(in->ctx.t);
        free(in->ctx.idf_slot);
        free(in->ctx.org_slot);
        free(in->ctx.vfirst.slot);
        free(in->ctx.vfirst.str);
        free(in->ctx.vphrase.slot);
        free(in->ctx.vphrase.str);
        free(in->ctx.vlast.slot);
        free(in->ctx.vlast.str);
        free(in->ctx.ek);
        vnt_tokens_free(&in->tk);
        vnt_sentences_free(&in->ss);
        free(in);
    }
    memset(a, 0, sizeof *a);
}

const char *vnt_block_kind_name(vnt_block_kind k)
{
    static const char *const nm[] = {"title", "source", "paragraph", "caption", "removed"};
    return (unsigned)k < COUNT(nm) ? nm[k] : "?";
}

const char *vnt_entity_type_name(vnt_entity_type t)
{
    static const char *const nm[] = {"PER", "ORG", "LOC", "MISC"};
    return (unsigned)t < COUNT(nm) ? nm[t] : "?";
}

const char *vnt_value_kind_name(vnt_value_kind k)
{
    static const char *const nm[] = {"date", "time", "money", "quantity", "percent", "duration"};
    return (unsigned)k < COUNT(nm) ? nm[k] : "?";
}
