/* The model file: one little-endian binary, 64-byte-aligned sections, opened
 * by mmap or from memory. Every field is checked before use; a loaded model
 * is immutable and shared read-only by any number of threads.
 * Layout: docs/model-format.md. */
#include "nlp.h"

#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* ------------------------------------------------------------------ CRC */

/* Slicing-by-8 CRC-32 (reflected 0xEDB88320). The 8 KB table is built per
 * load on the stack (no mutable globals); that costs about 10 us. */
typedef struct crc_tab {
    uint32_t t[8][256];
} crc_tab;

static void crc_init(crc_tab *ct)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1)));
        ct->t[0][i] = c;
    }
    for (uint32_t i = 0; i < 256; i++)
        for (int s = 1; s < 8; s++)
            ct->t[s][i] = (ct->t[s - 1][i] >> 8) ^ ct->t[0][ct->t[s - 1][i] & 0xFF];
}

static uint32_t crc_run(const crc_tab *ct, const void *data, size_t n)
{
    const uint32_t(*t)[256] = ct->t;
    const unsigned char *p = data;
    uint32_t c = 0xFFFFFFFFu;
    while (n >= 8) {
        uint32_t a = c ^ ((uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
                          (uint32_t)p[3] << 24);
        c = t[7][a & 0xFF] ^ t[6][(a >> 8) & 0xFF] ^ t[5][(a >> 16) & 0xFF] ^ t[4][a >> 24] ^
            t[3][p[4]] ^ t[2][p[5]] ^ t[1][p[6]] ^ t[0][p[7]];
        p += 8;
        n -= 8;
    }
    while (n--)
        c = (c >> 8) ^ t[0][(c ^ *p++) & 0xFF];
    return c ^ 0xFFFFFFFFu;
}

uint32_t vnt__crc32(const void *data, size_t n)
{
    crc_tab ct;
    crc_init(&ct);
    return crc_run(&ct, data, n);
}

/* ---------------------------------------------------------- little endian */

static uint32_t rd32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}
static uint64_t rd64(const unsigned char *p)
{
    return (uint64_t)rd32(p) | (uint64_t)rd32(p + 4) << 32;
}
static float rdf(const unsigned char *p)
{
    uint32_t u = rd32(p);
    float f;
    memcpy(&f, &u, 4);
    return f;
}
static void wr32(unsigned char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}
static void wr64(unsigned char *p, uint64_t v)
{
    wr32(p, (uint32_t)v);
    wr32(p + 4, (uint32_t)(v >> 32));
}

static int host_is_le(void)
{
    const uint16_t one = 1;
    unsigned char b;
    memcpy(&b, &one, 1);
    return b == 1;
}

/* ------------------------------------------------------------ validation */

static vnt_status fail(char *msg, size_t cap, const char *fmt, ...)
{
    if (msg && cap) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(msg, cap, fmt, ap);
        va_end(ap);
    }
    return VNT_ERR_MODEL;
}

static const char *sec_name(uint32_t id)
{
    switch (id) {
    case VNT__SEC_META: return "meta";
    case VNT__SEC_LEXICON: return "lexicon";
    case VNT__SEC_SEGMENT: return "segment";
    case VNT__SEC_TAGSET: return "tagset";
    case VNT__SEC_TAGGER: return "tagger";
    case VNT__SEC_WORDS: return "words";
    case VNT__SEC_ENTITY: return "entity";
    }
    return "unknown";
}

static int is_pow2(uint32_t x)
{
    return x && !(x & (x - 1));
}

/* UPOS names in vnt_upos order. */
static const char *const upos_names[VNT_UPOS_COUNT] = {
    "X",   "ADJ",  "ADP",  "ADV",   "AUX",   "CCONJ", "DET", "INTJ", "NOUN",
    "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB"};

const char *vnt_upos_name(vnt_upos u)
{
    return ((unsigned)u < VNT_UPOS_COUNT) ? upos_names[u] : "X";
}

vnt_upos vnt_upos_from_name(const char *name)
{
    if (name)
        for (int i = 0; i < VNT_UPOS_COUNT; i++)
            if (!strcmp(name, upos_names[i])) return (vnt_upos)i;
    return VNT_UPOS_X;
}

/* Parse the sections of d[0..n) into m (m->data already set). */
static vnt_status parse(vnt_model *m, const unsigned char *d, size_t n, char *msg, size_t cap)
{
    if (!host_is_le()) return fail(msg, cap, "big-endian hosts are not supported");
    if (n < VNT__MODEL_HEADER)
        return fail(msg, cap, "file is %zu bytes, expected at least %u", n, VNT__MODEL_HEADER);
    if (memcmp(d, VNT__MODEL_MAGIC, 8) != 0)
        return fail(msg, cap, "bad magic: not a vntext model file");
    crc_tab ct; /* built once per load (no mutable globals) */
    crc_init(&ct);
    uint32_t crc_h = rd32(d + 60), crc_hc = crc_run(&ct, d, 60);
    if (crc_h != crc_hc)
        return fail(msg, cap, "header CRC-32 found %08x, expected %08x", crc_hc, crc_h);
    uint32_t ver = rd32(d + 8);
    if (ver != VNT__MODEL_FORMAT)
        return fail(msg, cap, "format version found %u, expected %u", ver, VNT__MODEL_FORMAT);
    uint32_t hsize = rd32(d + 12);
    if (hsize != VNT__MODEL_HEADER)
        return fail(msg, cap, "header size found %u, expected %u", hsize, VNT__MODEL_HEADER);
    uint32_t nsec = rd32(d + 16);
    if (nsec == 0 || nsec > VNT__MODEL_MAX_SECTIONS)
        return fail(msg, cap, "section count found %u, expected 1..%u", nsec,
                    VNT__MODEL_MAX_SECTIONS);
    uint32_t toff = rd32(d + 20);
    if (toff != VNT__MODEL_HEADER)
        return fail(msg, cap, "section table offset found %u, expected %u", toff,
                    VNT__MODEL_HEADER);
    uint64_t fsize = rd64(d + 24);
    if (fsize != n)
        return fail(msg, cap, "file size found %zu, expected %llu (truncated or padded)", n,
                    (unsigned long long)fsize);
    if (rd32(d + 36) != 0) return fail(msg, cap, "header flags found %u, expected 0", rd32(d + 36));
    size_t tend = (size_t)toff + (size_t)nsec * VNT__MODEL_ENTRY;
    if (tend > n)
        return fail(msg, cap, "section table ends at %zu, beyond the file size %zu", tend, n);
    uint32_t crc_t = rd32(d + 32), crc_tc = crc_run(&ct, d + toff, tend - toff);
    if (crc_t != crc_tc)
        return fail(msg, cap, "section table CRC-32 found %08x, expected %08x", crc_tc, crc_t);

    uint64_t prev_end = tend;
    uint32_t seen = 0;
    const unsigned char *sec[VNT__SEC_ENTITY + 1] = {0};
    size_t ssize[VNT__SEC_ENTITY + 1] = {0};
    for (uint32_t i = 0; i < nsec; i++) {
        const unsigned char *e = d + toff + (size_t)i * VNT__MODEL_ENTRY;
        uint32_t id = rd32(e), sver = rd32(e + 4), crc = rd32(e + 24);
        uint64_t off = rd64(e + 8), size = rd64(e + 16);
        if (rd32(e + 28) != 0)
            return fail(msg, cap, "section %u: reserved field found %u, expected 0", i,
                        rd32(e + 28));
        if (off % VNT__MODEL_ALIGN)
            return fail(msg, cap, "section %u offset %llu is not %u-byte aligned", i,
                        (unsigned long long)off, VNT__MODEL_ALIGN);
        if (off < prev_end)
            return fail(msg, cap,
                        "section %u offset %llu overlaps the previous data (ends at %llu)", i,
                        (unsigned long long)off, (unsigned long long)prev_end);
        if (off > n || size > n - off)
            return fail(msg, cap, "section %u (%s) spans %llu..%llu, beyond the file size %zu", i,
                        sec_name(id), (unsigned long long)off, (unsigned long long)(off + size), n);
        uint32_t c = crc_run(&ct, d + off, (size_t)size);
        if (c != crc)
            return fail(msg, cap, "section %u (%s) CRC-32 found %08x, expected %08x", i,
                        sec_name(id), c, crc);
        prev_end = off + size;
        if (id >= VNT__SEC_META && id <= VNT__SEC_ENTITY) {
            if (seen & (1u << id)) return fail(msg, cap, "section %s appears twice", sec_name(id));
            seen |= 1u << id;
            uint32_t want = id == VNT__SEC_META      ? 1
                            : id == VNT__SEC_LEXICON ? VNT__LEXICON_VERSION
                            : id == VNT__SEC_SEGMENT ? VNT__SEGMENT_VERSION
                            : id == VNT__SEC_TAGSET  ? VNT__TAGSET_VERSION
                            : id == VNT__SEC_TAGGER  ? VNT__TAGGER_VERSION
                            : id == VNT__SEC_WORDS   ? VNT__WORDS_VERSION
                                                     : VNT__ENTITY_VERSION;
            if (sver != want)
                return fail(msg, cap, "section %s version found %u, expected %u", sec_name(id),
                            sver, want);
            sec[id] = d + off;
            ssize[id] = (size_t)size;
        } /* unknown sections are skipped: later minor additions stay readable */
    }
    if (!(seen & (1u << VNT__SEC_META))) return fail(msg, cap, "section meta is missing");
    m->meta = (const char *)sec[VNT__SEC_META];
    m->meta_len = ssize[VNT__SEC_META];
    if (memchr(m->meta, 0, m->meta_len)) return fail(msg, cap, "section meta contains a NUL byte");
    if (vnt_utf8_valid_prefix(m->meta, m->meta_len) != m->meta_len)
        return fail(msg, cap, "section meta is not valid UTF-8");

    if (sec[VNT__SEC_LEXICON]) {
        const unsigned char *p = sec[VNT__SEC_LEXICON];
        size_t sz = ssize[VNT__SEC_LEXICON];
        if (sz < 16)
            return fail(msg, cap, "lexicon section is %zu bytes, expected at least 16", sz);
        uint32_t slots = rd32(p), maxlen = rd32(p + 8);
        if (!is_pow2(slots) || slots > (1u << 26))
            return fail(msg, cap, "lexicon slot count found %u, expected a power of two <= 2^26",
                        slots);
        if ((uint64_t)slots * 4 + 16 != sz)
            return fail(msg, cap, "lexicon size found %zu, expected %llu", sz,
                        (unsigned long long)slots * 4 + 16);
        if (maxlen < 1 || maxlen > VNT__LEX_MAXLEN)
            return fail(msg, cap, "lexicon max length found %u, expected 1..%d", maxlen,
                        VNT__LEX_MAXLEN);
        /* a full table would make probing loop over every slot */
        if (rd32(p + 4) >= slots)
            return fail(msg, cap, "lexicon entry count found %u, expected < %u", rd32(p + 4),
                        slots);
        m->lex.slots = (const uint32_t *)(p + 16);
        m->lex.mask = slots - 1;
        m->lex.max_len = maxlen;
    }
    if (sec[VNT__SEC_SEGMENT]) {
        const unsigned char *p = sec[VNT__SEC_SEGMENT];
        size_t sz = ssize[VNT__SEC_SEGMENT];
        if (sz < 64)
            return fail(msg, cap, "segment section is %zu bytes, expected at least 64", sz);
        uint32_t nb = rd32(p), nl = rd32(p + 4);
        if (!is_pow2(nb) || nb > (1u << 24))
            return fail(msg, cap, "segment bucket count found %u, expected a power of two <= 2^24",
                        nb);
        if (nl != 1) return fail(msg, cap, "segment label count found %u, expected 1", nl);
        if ((uint64_t)nb * 2 + 64 != sz)
            return fail(msg, cap, "segment size found %zu, expected %llu", sz,
                        (unsigned long long)nb * 2 + 64);
        m->seg.scale = rdf(p + 8);
        if (!isfinite(m->seg.scale))
            return fail(msg, cap, "segment weight scale is not a finite number");
        for (int a = 0; a < 3; a++)
            for (int b = 0; b < 2; b++) {
                m->seg_trans[a][b] = rdf(p + 12 + 4 * (2 * a + b));
                if (!isfinite(m->seg_trans[a][b]) || fabsf(m->seg_trans[a][b]) > 1e6f)
                    return fail(msg, cap, "segment transition weight is not a finite number");
            }
        m->seg.w = (const int16_t *)(p + 64);
        m->seg.mask = nb - 1;
        m->seg.n_labels = 1;
        m->has_segment = 1;
    }
    if (sec[VNT__SEC_TAGGER] && !sec[VNT__SEC_TAGSET])
        return fail(msg, cap, "section tagger without section tagset");
    if (sec[VNT__SEC_TAGSET]) {
        const unsigned char *p = sec[VNT__SEC_TAGSET];
        size_t sz = ssize[VNT__SEC_TAGSET];
        if (sz < 4) return fail(msg, cap, "tagset section is %zu bytes, expected at least 4", sz);
        uint32_t nt = rd32(p);
        if (nt < 1 || nt > VNT__MAX_TAGS)
            return fail(msg, cap, "tag count found %u, expected 1..%d", nt, VNT__MAX_TAGS);
        if (sz != 4 + (size_t)nt * VNT__TAG_NAME)
            return fail(msg, cap, "tagset size found %zu, expected %zu", sz,
                        4 + (size_t)nt * VNT__TAG_NAME);
        for (uint32_t i = 0; i < nt; i++) {
            const unsigned char *s = p + 4 + i * VNT__TAG_NAME;
            if (!memchr(s, 0, VNT__TAG_NAME))
                return fail(msg, cap, "tag name %u is not NUL-terminated", i);
            memcpy(m->tags[i], s, VNT__TAG_NAME);
            for (const char *c = m->tags[i]; *c; c++)
                if (*c < 0x21 || *c > 0x7E)
                    return fail(msg, cap, "tag name %u has a non-printable byte", i);
            m->upos_of_tag[i] = (int)vnt_upos_from_name(m->tags[i]);
        }
        m->n_tags = (int)nt;
    }
    if (sec[VNT__SEC_TAGGER]) {
        /* header, u32 index[n_buckets] (bucket -> row), 64-byte pad, then
         * int16 rows[n_rows][n_labels]: only the rows that are not zero */
        const unsigned char *p = sec[VNT__SEC_TAGGER];
        size_t sz = ssize[VNT__SEC_TAGGER];
        if (sz < 64) return fail(msg, cap, "tagger section is %zu bytes, expected at least 64", sz);
        uint32_t nb = rd32(p), nl = rd32(p + 4), nr = rd32(p + 12);
        if (!is_pow2(nb) || nb > (1u << 22))
            return fail(msg, cap, "tagger bucket count found %u, expected a power of two <= 2^22",
                        nb);
        if (nl != (uint32_t)m->n_tags)
            return fail(msg, cap, "tagger label count found %u, expected %d (the tag set)", nl,
                        m->n_tags);
        if (nr < 1 || nr > nb + 1)
            return fail(msg, cap, "tagger row count found %u, expected 1..%u", nr, nb + 1);
        uint64_t rows_off = (64 + (uint64_t)nb * 4 + 63) / 64 * 64;
        uint64_t want = rows_off + (uint64_t)nr * nl * 2;
        if (want != sz)
            return fail(msg, cap, "tagger size found %zu, expected %llu", sz,
                        (unsigned long long)want);
        m->tag.scale = rdf(p + 8);
        if (!isfinite(m->tag.scale))
            return fail(msg, cap, "tagger weight scale is not a finite number");

        m->tag.index = (const uint32_t *)(p + 64);
        for (uint32_t i = 0; i < nb; i++)
            if (m->tag.index[i] >= nr)
                return fail(msg, cap, "tagger bucket %u points to row %u, expected < %u", i,
                            m->tag.index[i], nr);
        m->tag.w = (const int16_t *)(p + rows_off);
        m->tag.n_rows = nr;
        m->tag.mask = nb - 1;
        m->tag.n_labels = nl;
        m->has_tagger = 1;
    }
    if (sec[VNT__SEC_WORDS]) {
        /* header {n_slots, n_entries, 0, 0}, then 16-byte slots */
        const unsigned char *p = sec[VNT__SEC_WORDS];
        size_t sz = ssize[VNT__SEC_WORDS];
        if (sz < 16) return fail(msg, cap, "words section is %zu bytes, expected at least 16", sz);
        uint32_t slots = rd32(p);
        if (!is_pow2(slots) || slots > (1u << 24))
            return fail(msg, cap, "words slot count found %u, expected a power of two <= 2^24",
                        slots);
        if ((uint64_t)slots * 16 + 16 != sz)
            return fail(msg, cap, "words size found %zu, expected %llu", sz,
                        (unsigned long long)slots * 16 + 16);
        /* a full table would make probing loop over every slot */
        if (rd32(p + 4) >= slots)
            return fail(msg, cap, "words entry count found %u, expected < %u", rd32(p + 4), slots);
        m->words.slots = (const uint32_t *)(p + 16);
        m->words.mask = slots - 1;
    }
    if (sec[VNT__SEC_ENTITY]) {
        /* header (448 bytes) {u32 buckets, u32 labels, f32 scale, u32 name slots,
         * f32 transitions[10][9]}, then i16 weights[buckets][9] */
        const unsigned char *p = sec[VNT__SEC_ENTITY];
        size_t sz = ssize[VNT__SEC_ENTITY];
        if (sz < 448)
            return fail(msg, cap, "entity section is %zu bytes, expected at least 448", sz);
        uint32_t nb = rd32(p), nl = rd32(p + 4);
        if (!is_pow2(nb) || nb > (1u << 22))
            return fail(msg, cap, "entity bucket count found %u, expected a power of two <= 2^22",
                        nb);
        if (nl != VNT__NER_LABELS)
            return fail(msg, cap, "entity label count found %u, expected %d", nl, VNT__NER_LABELS);
        /* then u64 names[name slots] (power of two or 0; fewer entries than slots) */
        uint32_t ns = rd32(p + 12);
        if (ns && (!is_pow2(ns) || ns > (1u << 24)))
            return fail(msg, cap,
                        "entity name slots found %u, expected 0 or a power of two <= 2^24", ns);
        uint64_t want = (uint64_t)nb * 2 * VNT__NER_LABELS + 448 + (uint64_t)ns * 8;
        if (want != sz)
            return fail(msg, cap, "entity size found %zu, expected %llu", sz,
                        (unsigned long long)want);
        if (ns) {
            const unsigned char *q = p + 448 + (size_t)nb * 2 * VNT__NER_LABELS;
            size_t used = 0;
            for (uint32_t i = 0; i < ns; i++)
                used += rd32(q + 8 * (size_t)i) != 0 || rd32(q + 8 * (size_t)i + 4) != 0;
            /* a full table would make probing loop over every slot */
            if (used >= ns) return fail(msg, cap, "entity name table is full");
            m->ner_names = (const uint64_t *)q;
            m->ner_names_mask = ns - 1;
        }
        m->ner_scale = rdf(p + 8);
        if (!isfinite(m->ner_scale)) return fail(msg, cap, "entity weight scale is not finite");
        for (int a = 0; a <= VNT__NER_LABELS; a++)
            for (int b = 0; b < VNT__NER_LABELS; b++) {
                float x = rdf(p + 16 + 4 * (VNT__NER_LABELS * a + b));
                /* -1e30 forbids a transition (I-X after anything but X) */
                if (!isfinite(x)) return fail(msg, cap, "entity transition is not finite");
                m->ner_trans[a][b] = x;
            }
        m->ner_w = (const int16_t *)(p + 448);
        m->ner_mask = nb - 1;
        m->has_entity = 1;
    }
    if (!m->has_segment && !m->has_tagger)
        return fail(msg, cap, "model has neither a segment nor a tagger section");
    return VNT_OK;
}

vnt_status vnt_model_open_memory(const void *data, size_t n, vnt_model **out, char *msg,
                                 size_t msg_cap)
{
    if (msg && msg_cap) msg[0] = 0;
    if (!out || (!data && n)) return VNT_ERR_ARG;
    *out = NULL;
    vnt_model *m = calloc(1, sizeof *m);
    if (!m) return VNT_ERR_NOMEM;
    /* A private, aligned copy: the caller may free its buffer, and the
     * weight arrays need their natural alignment. */
    m->mem = malloc(n ? n : 1);
    if (!m->mem) {
        free(m);
        return VNT_ERR_NOMEM;
    }
    if (n) memcpy(m->mem, data, n);
    m->data = m->mem;
    m->size = n;
    vnt_status st = parse(m, m->data, n, msg, msg_cap);
    if (st != VNT_OK) {
        vnt_model_free(m);
        return st;
    }
    *out = m;
    return VNT_OK;
}

vnt_status vnt_model_open(const char *path, vnt_model **out, char *msg, size_t msg_cap)
{
    if (msg && msg_cap) msg[0] = 0;
    if (!out || !path) return VNT_ERR_ARG;
    *out = NULL;
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        if (msg && msg_cap) snprintf(msg, msg_cap, "cannot open %s", path);
        return VNT_ERR_IO;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        if (msg && msg_cap) snprintf(msg, msg_cap, "%s is not a regular file", path);
        return VNT_ERR_IO;
    }
    size_t n = (size_t)st.st_size;
    if (n < VNT__MODEL_HEADER) {
        close(fd);
        return fail(msg, msg_cap, "file is %zu bytes, expected at least %u", n, VNT__MODEL_HEADER);
    }
    void *map = mmap(NULL, n, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (map == MAP_FAILED) {
        if (msg && msg_cap) snprintf(msg, msg_cap, "cannot map %s", path);
        return VNT_ERR_IO;
    }
    vnt_model *m = calloc(1, sizeof *m);
    if (!m) {
        munmap(map, n);
        return VNT_ERR_NOMEM;
    }
    m->map = map;
    m->size = n;
    m->data = map;
    vnt_status s = parse(m, m->data, n, msg, msg_cap);
    if (s != VNT_OK) {
        vnt_model_free(m);
        return s;
    }
    *out = m;
    return VNT_OK;
}

void vnt_model_free(vnt_model *m)
{
    if (!m) return;
    if (m->map) munmap(m->map, m->size);
    free(m->mem);
    free(m);
}

size_t vnt_model_meta(const vnt_model *m, const char *key, char *out, size_t cap)
{
    if (!m || !key) return 0;
    size_t kl = strlen(key);
    const char *p = m->meta, *end = m->meta + m->meta_len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        if ((size_t)(le - p) > kl && !memcmp(p, key, kl) && p[kl] == '=') {
            size_t vl = (size_t)(le - p - kl - 1);
            if (cap) {
                size_t c = vl < cap - 1 ? vl : cap - 1;
                memcpy(out, p + kl + 1, c);
                out[c] = 0;
            }
            return vl;
        }
        p = le + 1;
    }
    if (cap) out[0] = 0;
    return 0;
}

vnt_status vnt_model_info(const vnt_model *m, vnt_text *out)
{
    if (!m || !out) return VNT_ERR_ARG;
    vnt__buf b;
    vnt__buf_init(&b, 1024 + m->meta_len, 0);
    char line[256];
    const unsigned char *d = m->data;
    uint32_t nsec = rd32(d + 16);
    snprintf(line, sizeof line, "format version: %u\nfile size: %zu bytes\nsections: %u\n",
             rd32(d + 8), m->size, nsec);
    vnt__buf_put(&b, line, strlen(line), 0);
    for (uint32_t i = 0; i < nsec; i++) {
        const unsigned char *e = d + VNT__MODEL_HEADER + (size_t)i * VNT__MODEL_ENTRY;
        snprintf(line, sizeof line,
                 "  %-8s id %u  version %u  offset %10llu  size %10llu  crc32 %08x\n",
                 sec_name(rd32(e)), rd32(e), rd32(e + 4), (unsigned long long)rd64(e + 8),
                 (unsigned long long)rd64(e + 16), rd32(e + 24));
        vnt__buf_put(&b, line, strlen(line), 0);
    }
    if (m->lex.slots) {
        const unsigned char *p = (const unsigned char *)m->lex.slots - 16;
        snprintf(line, sizeof line, "lexicon: %u entries in %u slots, longest %u syllables\n",
                 rd32(p + 4), rd32(p), rd32(p + 8));
        vnt__buf_put(&b, line, strlen(line), 0);
    }
    if (m->has_segment) {
        size_t nz = 0;
        for (uint32_t i = 0; i <= m->seg.mask; i++)
            nz += m->seg.w[i] != 0;
        snprintf(line, sizeof line, "segmenter: %u hashed weights (%zu non-zero)\n",
                 m->seg.mask + 1, nz);
        vnt__buf_put(&b, line, strlen(line), 0);
    }
    if (m->n_tags) {
        vnt__buf_put(&b, "tags:", 5, 0);
        for (int i = 0; i < m->n_tags; i++) {
            vnt__buf_putc(&b, ' ', 0);
            vnt__buf_put(&b, m->tags[i], strlen(m->tags[i]), 0);
        }
        vnt__buf_putc(&b, '\n', 0);
    }
    if (m->has_tagger) {
        size_t total = (size_t)m->tag.n_rows * m->tag.n_labels, nz = 0;
        for (size_t i = 0; i < total; i++)
            nz += m->tag.w[i] != 0;
        snprintf(line, sizeof line,
                 "tagger: %u hashed buckets, %u stored rows x %u tags (%zu non-zero)\n",
                 m->tag.mask + 1, m->tag.n_rows, m->tag.n_labels, nz);
        vnt__buf_put(&b, line, strlen(line), 0);
    }
    if (m->words.slots) {
        const unsigned char *p = (const unsigned char *)m->words.slots - 16;
        snprintf(line, sizeof line, "words: %u entries in %u slots (ambiguity classes, clusters)\n",
                 rd32(p + 4), rd32(p));
        vnt__buf_put(&b, line, strlen(line), 0);
    }
    if (m->has_entity) {
        size_t nz = 0, nw = (size_t)(m->ner_mask + 1) * VNT__NER_LABELS;
        for (size_t i = 0; i < nw; i++)
            nz += m->ner_w[i] != 0;
        snprintf(line, sizeof line, "entity tagger: %u hashed buckets x %d labels (%zu non-zero)\n",
                 m->ner_mask + 1, VNT__NER_LABELS, nz);
        vnt__buf_put(&b, line, strlen(line), 0);
    }
    vnt__buf_put(&b, "metadata:\n", 10, 0);
    /* metadata is validated UTF-8 without NUL; show each line indented and
     * replace control characters so a hostile file cannot drive a terminal */
    const char *p = m->meta, *end = m->meta + m->meta_len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        vnt__buf_put(&b, "  ", 2, 0);
        for (const char *c = p; c < le; c++)
            vnt__buf_putc(&b, ((unsigned char)*c < 0x20 || *c == 0x7F) ? '?' : *c, 0);
        vnt__buf_putc(&b, '\n', 0);
        p = le + 1;
    }
    return vnt__buf_finish(&b, 0, out);
}

/* --------------------------------------------------------------- writing */

vnt_status vnt__model_write(const vnt__section_in *secs, size_t n, vnt_text *out)
{
    if (n == 0 || n > VNT__MODEL_MAX_SECTIONS) return VNT_ERR_ARG;
    size_t pos = VNT__MODEL_HEADER + n * VNT__MODEL_ENTRY;
    size_t offs[VNT__MODEL_MAX_SECTIONS];
    for (size_t i = 0; i < n; i++) {
        pos = (pos + VNT__MODEL_ALIGN - 1) / VNT__MODEL_ALIGN * VNT__MODEL_ALIGN;
        offs[i] = pos;
        pos += secs[i].size;
    }
    vnt__buf b;
    vnt__buf_init(&b, pos + 1, 0);
    if (!vnt__buf_reserve(&b, pos)) {
        vnt__buf_free(&b);
        return VNT_ERR_NOMEM;
    }
    unsigned char *d = (unsigned char *)b.data;
    memset(d, 0, pos);
    b.len = pos;
    memcpy(d, VNT__MODEL_MAGIC, 8);
    wr32(d + 8, VNT__MODEL_FORMAT);
    wr32(d + 12, VNT__MODEL_HEADER);
    wr32(d + 16, (uint32_t)n);
    wr32(d + 20, VNT__MODEL_HEADER);
    wr64(d + 24, pos);
    for (size_t i = 0; i < n; i++) {
        unsigned char *e = d + VNT__MODEL_HEADER + i * VNT__MODEL_ENTRY;
        if (secs[i].size) memcpy(d + offs[i], secs[i].data, secs[i].size);
        wr32(e, secs[i].id);
        wr32(e + 4, secs[i].version);
        wr64(e + 8, offs[i]);
        wr64(e + 16, secs[i].size);
        wr32(e + 24, vnt__crc32(d + offs[i], secs[i].size));
    }
    wr32(d + 32, vnt__crc32(d + VNT__MODEL_HEADER, n * VNT__MODEL_ENTRY));
    wr32(d + 60, vnt__crc32(d, 60));
    return vnt__buf_finish(&b, 0, out);
}
