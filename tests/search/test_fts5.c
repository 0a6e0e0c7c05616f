/* The FTS5 tokenizer "vietnamese" through the SQLite C API, registered
 * statically (so the sanitizer build exercises it): accents, đ, phrases
 * across compounds, prefixes, codes, options, highlight offsets, and odd
 * input (random bytes, invalid UTF-8, a huge document). */
#include <sqlite3.h>
#include <stdint.h>

#include "test.h"
#include "vntext_fts5.h"

static sqlite3 *db;

static int exec(const char *sql)
{
    char *err = NULL;
    int rc = sqlite3_exec(db, sql, NULL, NULL, &err);
    if (rc != SQLITE_OK) printf("  sql error: %s in %.80s\n", err ? err : "?", sql);
    sqlite3_free(err);
    return rc;
}

/* Rows of `SELECT rowid FROM tbl WHERE tbl MATCH q ORDER BY rowid` as "1,3". */
static char rows_buf[1024];
static const char *rows(const char *tbl, const char *q)
{
    char sql[512];
    snprintf(sql, sizeof sql, "SELECT rowid FROM %s WHERE %s MATCH ?1 ORDER BY rowid", tbl, tbl);
    sqlite3_stmt *st;
    rows_buf[0] = 0;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) return "(prepare error)";
    sqlite3_bind_text(st, 1, q, -1, SQLITE_STATIC);
    size_t len = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && len + 24 < sizeof rows_buf)
        len += (size_t)snprintf(rows_buf + len, sizeof rows_buf - len, "%s%lld", len ? "," : "",
                                sqlite3_column_int64(st, 0));
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) snprintf(rows_buf, sizeof rows_buf, "(error)");
    sqlite3_finalize(st);
    return rows_buf;
}

static const char *docs[] = {
    "Ban Kinh tế Trung ương họp ở Hoà Bình.",                /* 1 */
    "Giá vàng hôm nay tăng; hóa đơn điện giảm.",             /* 2 */
    "Đường Lai Châu – Điện Biên sạt lở ngày 26/1/2022.",     /* 3 */
    "Xe biển số 49X-6666 vượt đèn đỏ; ca mắc Covid-19 mới.", /* 4 */
    "HÒA BÌNH LÀ THỦ ĐÔ? Không, thủ đô là Hà Nội.",          /* 5 */
    "Thể thao: thế giới the thé.",                           /* 6 */
    "Liên lạc: a.b@vnexpress.net, https://dantri.com.vn/suc-khoe.htm; lãi suất tăng 1,5%; 2.500 "
    "khách. Kỹ sư Mỹ hi sinh; Quỳnh quyết định.", /* 7 */
};

static void load(const char *tbl, const char *opts)
{
    char sql[256];
    snprintf(sql, sizeof sql,
             "CREATE VIRTUAL TABLE %s USING fts5(body, tokenize=\"vietnamese %s\")", tbl, opts);
    CHECK(exec(sql) == SQLITE_OK);
    for (size_t i = 0; i < sizeof docs / sizeof *docs; i++) {
        sqlite3_stmt *st;
        snprintf(sql, sizeof sql, "INSERT INTO %s(rowid, body) VALUES(?1, ?2)", tbl);
        sqlite3_prepare_v2(db, sql, -1, &st, NULL);
        sqlite3_bind_int(st, 1, (int)i + 1);
        sqlite3_bind_text(st, 2, docs[i], -1, SQLITE_STATIC);
        CHECK(sqlite3_step(st) == SQLITE_DONE);
        sqlite3_finalize(st);
    }
}

#define ROWS(tbl, q, want) CHECK_STR(rows(tbl, q), strlen(rows_buf), want)

static void test_accents(void)
{
    load("t", "");
    ROWS("t", "hoa", "1,2,5"); /* unaccented: every tone */
    ROWS("t", "hòa", "1,5");   /* accented: only that one; hoà = hòa */
    ROWS("t", "hoà", "1,5");
    ROWS("t", "hóa", "2");
    ROWS("t", "duong", "3"); /* đ folds to d */
    ROWS("t", "đường", "3");
    ROWS("t", "the", "6");
    ROWS("t", "thế", "6");
    ROWS("t", "thé", "6");
    ROWS("t", "thè", "");
    ROWS("t", "\"ha noi\"", "5"); /* mixed case, unaccented phrase */
    ROWS("t", "\"Hà noi\"", "5"); /* mixed accents */
    ROWS("t", "\"hà nói\"", "");
}

static void test_phrases_prefix_codes(void)
{
    ROWS("t", "\"kinh tế\"", "1");
    ROWS("t", "\"tế trung\"", "1"); /* across the compound boundary */
    ROWS("t", "tế", "1");           /* one syllable of a compound */
    ROWS("t", "\"lai ch\" *", "3");
    ROWS("t", "\"Lai Chậ\" *", "");
    ROWS("t", "Điện*", "2,3");
    ROWS("t", "\"49X-6666\"", "4");
    ROWS("t", "\"covid-19\"", "4");
    ROWS("t", "covid", "4");                   /* a part of a code */
    ROWS("t", "\"ca mắc covid-19 mới\"", "4"); /* a code inside a phrase */
    ROWS("t", "\"26/1\"", "3");                /* the start of a date */
    ROWS("t", "\"1/2022\"", "3");
    ROWS("t", "\"kinh_tế\"", "1"); /* a compound typed as one word */
    ROWS("t", "\"kinh_te\"", "1");
    ROWS("t", "\"26/1/2022\"", "3");
    ROWS("t", "2022", "3");
    ROWS("t", "covid19", "4"); /* letters and digits apart: Covid-19 */
    ROWS("t", "\"49x 6666\"", "4");
    ROWS("t", "dantri", "7");    /* a run of a URL */
    ROWS("t", "vnexpress", "7"); /* of an e-mail address */
    ROWS("t", "\"dantri.com.vn\"", "7");
    ROWS("t", "\"suc khoe\"", "7");
    ROWS("t", "\"1,5\"", "7"); /* the number of a percentage */
    ROWS("t", "\"1,5%\"", "7");
    ROWS("t", "\"5%\"", "");
    ROWS("t", "2500", "7"); /* a number without its thousands separators */
    ROWS("t", "\"2.500\"", "7");
    ROWS("t", "500", "");
    ROWS("t", "\"kĩ sư\"", "7"); /* i/y: one spelling */
    ROWS("t", "\"hy sinh\"", "7");
    ROWS("t", "mĩ", "7");
    ROWS("t", "my", "7");
    ROWS("t", "\"Mỹ\" *", "7");
    ROWS("t", "\"mý\"", "");
    ROWS("t", "\"quy\" *", "7"); /* a y prefix as typed: quyết, Quỳnh */
    ROWS("t", "\"quỳ\" *", "7");
    ROWS("t", "\"covid19\" *", "4"); /* a prefix code: its runs */
    ROWS("t", "\"hoà\" *", "1,5");   /* as typed (hoàn) and keyed (hòa) */
}

static void test_options(void)
{
    load("tf", "accents fold");
    ROWS("tf", "hòa", "1,2,5"); /* fold: accents ignored */
    load("tk", "accents keep compounds 0");
    ROWS("tk", "hoa", "");
    ROWS("tk", "hòa", "1,5");
    char *err = NULL;
    CHECK(sqlite3_exec(db, "CREATE VIRTUAL TABLE tb USING fts5(x, tokenize='vietnamese accents x')",
                       NULL, NULL, &err) != SQLITE_OK);
    sqlite3_free(err);
    err = NULL;
    CHECK(sqlite3_exec(
              db, "CREATE VIRTUAL TABLE tb USING fts5(x, tokenize='vietnamese model /nonexistent')",
              NULL, NULL, &err) != SQLITE_OK);
    sqlite3_free(err);
}

/* Everything a query returns, in order: rowid, bm25 to 9 digits,
 * highlight and snippet, one line per row. */
static char *answers(const char *tbl, const char *q)
{
    char sql[512];
    snprintf(sql, sizeof sql,
             "SELECT group_concat(r, char(10)) FROM (SELECT rowid || ' ' || printf('%%.9f', "
             "bm25(%s)) || ' ' || highlight(%s, 0, '[', ']') || ' ' || snippet(%s, 0, '[', ']', "
             "'...', 6) AS r FROM %s WHERE %s MATCH ?1 ORDER BY rank, rowid)",
             tbl, tbl, tbl, tbl, tbl);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) return NULL;
    sqlite3_bind_text(st, 1, q, -1, SQLITE_STATIC);
    char *out = NULL;
    if (sqlite3_step(st) == SQLITE_ROW) {
        const char *r = (const char *)sqlite3_column_text(st, 0);
        out = sqlite3_mprintf("%s", r ? r : "");
    }
    sqlite3_finalize(st);
    return out;
}

/* docs/search.md: in SQLite the compound terms change no query result —
 * queries are syllables (a compound typed as one word is the phrase of its
 * syllables), colocated terms do not count in a row's length, and bm25,
 * highlight and snippet read only the query's terms. */
static void test_compounds_change_no_result(void)
{
    load("c0", "compounds 0");
    load("c1", "compounds 1");
    /* the compound terms are there (else this test proves nothing) */
    CHECK(exec("CREATE VIRTUAL TABLE c1v USING fts5vocab(c1, row)") == SQLITE_OK);
    CHECK(exec("CREATE VIRTUAL TABLE c0v USING fts5vocab(c0, row)") == SQLITE_OK);
    sqlite3_stmt *st;
    int n1 = -1, n0 = -1;
    if (sqlite3_prepare_v2(db,
                           "SELECT (SELECT count(*) FROM c1v WHERE term = 'kinh_tế'), "
                           "(SELECT count(*) FROM c0v WHERE term = 'kinh_tế')",
                           -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW) {
        n1 = sqlite3_column_int(st, 0);
        n0 = sqlite3_column_int(st, 1);
    }
    sqlite3_finalize(st);
    CHECK(n1 == 1 && n0 == 0);
    static const char *qs[] = {"\"kinh tế\"",  "\"tế trung\"",   "tế",
                               "\"kinh_tế\"",  "\"kinh_te\"",    "hoa",
                               "hòa",          "duong",          "\"lai chau\"",
                               "\"Lai Ch\" *", "\"thủ đô\"",     "thu NOT hoa",
                               "\"covid-19\"", "gia OR vang",    "\"trung uong\" hop",
                               "\"hà nội\"",   "NEAR(kinh hòa)", "the"};
    for (size_t i = 0; i < sizeof qs / sizeof *qs; i++) {
        char *a = answers("c0", qs[i]), *b = answers("c1", qs[i]);
        CHECK(a && b);
        if (a && b) CHECK_STR(b, strlen(b), a);
        sqlite3_free(a);
        sqlite3_free(b);
    }
}

/* highlight() with markers: remove the markers -> the original bytes; each
 * marked span is a whole syllable/word of the original. */
static void test_highlight(void)
{
    sqlite3_stmt *st;
    CHECK(sqlite3_prepare_v2(
              db, "SELECT rowid, highlight(t, 0, '\x01', '\x02') FROM t WHERE t MATCH ?1", -1, &st,
              NULL) == SQLITE_OK);
    const char *qs[] = {"hoa",          "duong",           "\"tế trung\"", "covid",
                        "Điện*",        "\"ha noi\"",      "dantri vn",    "vnexpress net",
                        "\"49x 6666\"", "\"suc khoe htm\""};
    for (size_t q = 0; q < sizeof qs / sizeof *qs; q++) {
        sqlite3_reset(st);
        sqlite3_bind_text(st, 1, qs[q], -1, SQLITE_STATIC);
        while (sqlite3_step(st) == SQLITE_ROW) {
            int id = sqlite3_column_int(st, 0);
            const char *h = (const char *)sqlite3_column_text(st, 1);
            char plain[512];
            size_t k = 0, marks = 0;
            for (; *h && k + 1 < sizeof plain; h++)
                if (*h == 1 || *h == 2)
                    marks++;
                else
                    plain[k++] = *h;
            plain[k] = 0;
            CHECK(marks >= 2 && marks % 2 == 0);
            CHECK(id >= 1 && id <= 7 && !strcmp(plain, docs[id - 1]));
        }
    }
    sqlite3_finalize(st);
    /* the exact span of a match */
    CHECK(sqlite3_prepare_v2(db, "SELECT highlight(t, 0, '[', ']') FROM t WHERE t MATCH 'duong'",
                             -1, &st, NULL) == SQLITE_OK);
    CHECK(sqlite3_step(st) == SQLITE_ROW);
    const char *h = (const char *)sqlite3_column_text(st, 0);
    CHECK(h && !strncmp(h, "[Đường] Lai", strlen("[Đường] Lai")));
    sqlite3_finalize(st);
    /* a run of a URL: its own bytes */
    CHECK(sqlite3_prepare_v2(db, "SELECT highlight(t, 0, '[', ']') FROM t WHERE t MATCH 'dantri'",
                             -1, &st, NULL) == SQLITE_OK);
    CHECK(sqlite3_step(st) == SQLITE_ROW);
    h = (const char *)sqlite3_column_text(st, 0);
    CHECK(h && strstr(h, "https://[dantri].com.vn"));
    sqlite3_finalize(st);
}

/* Random bytes, invalid UTF-8, control characters, a huge document: no
 * crash, no error. */
static void test_odd_input(void)
{
    CHECK(exec("CREATE VIRTUAL TABLE z USING fts5(body, tokenize='vietnamese')") == SQLITE_OK);
    sqlite3_stmt *ins, *q;
    sqlite3_prepare_v2(db, "INSERT INTO z(body) VALUES(?1)", -1, &ins, NULL);
    sqlite3_prepare_v2(db, "SELECT count(*) FROM z WHERE z MATCH ?1", -1, &q, NULL);
    uint32_t x = 2024;
    static char buf[8192];
    exec("BEGIN");
    for (int r = 0; r < 400; r++) {
        size_t n = (size_t)(r * 37) % sizeof buf;
        for (size_t i = 0; i < n; i++) {
            x = x * 1664525u + 1013904223u;
            static const char pool[] =
                "a\xcc\x81\xcc\xa3 .-/19\xc4\x91\xc6\xb0\xe1\xbb\x9d\xff\xc0\x80\n";
            buf[i] = (r & 1) ? (char)(x >> 24) : pool[(x >> 24) % (sizeof pool - 1)];
        }
        sqlite3_reset(ins);
        sqlite3_bind_text(ins, 1, buf, (int)n, SQLITE_STATIC);
        int rc = sqlite3_step(ins);
        CHECK(rc == SQLITE_DONE);
        /* the same bytes as a query: a syntax error is a documented outcome */
        sqlite3_reset(q);
        sqlite3_bind_text(q, 1, buf, (int)(n < 64 ? n : 64), SQLITE_STATIC);
        rc = sqlite3_step(q);
        CHECK(rc == SQLITE_ROW || rc == SQLITE_ERROR);
    }
    size_t big = 8u << 20; /* 8 MB of Vietnamese-looking text */
    char *h = malloc(big + 1);
    const char *w = "Người dân Lai Châu đón Tết 2022, ";
    size_t wl = strlen(w);
    for (size_t i = 0; i < big; i++)
        h[i] = w[i % wl];
    h[big] = 0;
    sqlite3_reset(ins);
    sqlite3_bind_text(ins, 1, h, (int)big, SQLITE_STATIC);
    CHECK(sqlite3_step(ins) == SQLITE_DONE);
    free(h);
    exec("COMMIT");
    sqlite3_reset(q);
    sqlite3_bind_text(q, 1, "\"lai chau\"", -1, SQLITE_STATIC);
    CHECK(sqlite3_step(q) == SQLITE_ROW && sqlite3_column_int(q, 0) >= 1);
    sqlite3_finalize(ins);
    sqlite3_finalize(q);
    CHECK(exec("INSERT INTO z(z) VALUES('integrity-check')") == SQLITE_OK);
}

int main(void)
{
    if (sqlite3_open(":memory:", &db) != SQLITE_OK || vntext_fts5_register(db) != SQLITE_OK) {
        printf("SKIP fts5: this SQLite has no FTS5\n");
        return 0;
    }
    RUN(test_accents);
    RUN(test_phrases_prefix_codes);
    RUN(test_options);
    RUN(test_highlight);
    RUN(test_compounds_change_no_result);
    RUN(test_odd_input);
    sqlite3_close(db);
    TEST_END();
}
