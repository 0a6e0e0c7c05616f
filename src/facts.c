/* Facts in article text (issue 4): dates (year inference, part of day,
 * relative dates), times, money with Vietnamese scales, quantities with their
 * unit or counted noun, percents, durations; numbers in digits or words. */
#include "analyze.h"

#include <stdio.h>

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define TK(i)    (&c->t[(i)])

/* Vietnamese digit grouping: "1.000.000" and "13.250.000" use dots for
 * thousands, "1,5" and "55,35" a comma for decimals; a dot followed by other
 * than three digits is read as a decimal point (English style "1.5"). */
int vnt__an_parse_number(const char *s, size_t n, double *out)
{
    double v = 0, frac = 0, scale = 1;
    int seen = 0, in_frac = 0;
    size_t i = 0;
    if (n && (s[0] == '-' || s[0] == '+')) i = 1;
    for (; i < n; i++) {
        char ch = s[i];
        if (ch >= '0' && ch <= '9') {
            seen = 1;
            if (in_frac)
                frac += (ch - '0') * (scale /= 10);
            else
                v = v * 10 + (ch - '0');
        } else if (ch == '.' && !in_frac) {
            size_t k = i + 1;
            while (k < n && s[k] >= '0' && s[k] <= '9')
                k++;
            if (k - i - 1 == 3) continue; /* thousands */
            in_frac = 1;
        } else if (ch == ',' && !in_frac) {
            in_frac = 1;
        } else
            return 0;
    }
    if (!seen) return 0;
    *out = (s[0] == '-' ? -1 : 1) * (v + frac);
    return 1;
}

static double scale_of(const an_tok *t)
{
    if (is(t, "nghìn") || is(t, "ngàn")) return 1e3;
    if (is(t, "triệu")) return 1e6;
    if (is(t, "tỷ") || is(t, "tỉ")) return 1e9;
    if (is(t, "trăm")) return 1e2;
    return 0;
}

static int digit_word(const an_tok *t)
{
    static const char *const w[] = {"không", "một", "hai", "ba",  "bốn",
                                    "năm",   "sáu", "bảy", "tám", "chín"};
    for (int i = 0; i < 10; i++)
        if (is(t, w[i])) return i;
    if (is(t, "mốt")) return 1;
    if (is(t, "tư")) return 4;
    if (is(t, "lăm")) return 5;
    if (is(t, "bẩy")) return 7;
    return -1;
}

/* A number at token i: digits (with scale words after) or number words.
 * Returns the token after it, or i when none. *words: written in words. */
static size_t number_at(an_ctx *c, size_t i, double *val, int *words)
{
    an_tok *t = TK(i);
    double v = 0;
    size_t j = i;
    *words = 0;
    if (t->type == VNT_TOK_NUMBER) {
        if (!vnt__an_parse_number(c->s + t->s, t->e - t->s, &v)) return i;
        j = i + 1;
    } else {
        /* number words: hai trăm, một nghìn, ba mươi lăm */
        double total = 0, g = 0;
        int p = -1, any = 0;
        while (j < c->nt && (j == i || !TK(j)->sent0)) {
            an_tok *u = TK(j);
            int d = digit_word(u);
            /* "tư", "không", "lăm", "mốt" only count after another number word
             * ("hai mươi tư"); alone they are "tư duy", "không khí", "thứ tư" */
            if (d >= 0 && j == i && (is(u, "tư") || is(u, "không") || is(u, "lăm") || is(u, "mốt")))
                break;
            if (d >= 0) {
                if (p >= 0) break;
                p = d;
            } else if (is(u, "mười")) {
                if (p >= 0) break;
                g += 10;
            } else if (is(u, "mươi")) {
                if (p < 0) break;
                g += p * 10;
                p = -1;
            } else if (is(u, "trăm")) {
                if (p < 0) break;
                g += p * 100;
                p = -1;
            } else if ((is(u, "linh") || is(u, "lẻ")) && any) {
            } else if (scale_of(u) >= 1e3 && any) {
                if (p >= 0) g += p;
                total += (g ? g : 1) * scale_of(u);
                g = 0;
                p = -1;
            } else
                break;
            any = 1;
            j++;
        }
        if (!any) return i;
        if (p >= 0) g += p;
        v = total + g;
        *words = 1;
        /* "một" alone is an article more often than a count */
        if (j == i + 1 && is(t, "một")) return i;
    }
    /* scale words after digits: 250 triệu, 1,5 tỷ, 1.000 tỷ, 3 nghìn tỷ */
    while (!*words && j < c->nt && !TK(j)->sent0 && scale_of(TK(j)) >= 1e3) {
        v *= scale_of(TK(j));
        j++;
    }
    *val = v;
    return j;
}

static const char *currency(an_ctx *c, size_t j, size_t *end)
{
    if (j >= c->nt || TK(j)->sent0) return NULL;
    an_tok *t = TK(j);
    *end = j + 1;
    if (is(t, "đồng") || is(t, "vnd") || is(t, "vnđ") || is(t, "đ")) return "VND";
    if (is(t, "usd") || is(t, "$")) return "USD";
    if (is(t, "euro") || is(t, "eur")) return "EUR";
    if (is(t, "ndt")) return "CNY";
    if (is(t, "won")) return "KRW";
    if (is(t, "bảng") && j + 1 < c->nt && is(TK(j + 1), "anh")) return *end = j + 2, "GBP";
    if (is(t, "nhân") && j + 2 < c->nt && is(TK(j + 1), "dân") && is(TK(j + 2), "tệ"))
        return *end = j + 3, "CNY";
    if (is(t, "yen") || is(t, "yên")) {
        /* "yên" is also "calm": only right after a number */
        return "JPY";
    }
    if (is(t, "đô") || is(t, "đôla")) {
        size_t k = j + 1;
        if (is(t, "đô") && k < c->nt && is(TK(k), "la")) k++;
        if (k < c->nt && is(TK(k), "mỹ")) k++;
        *end = k;
        return "USD";
    }
    return NULL;
}

static const char *const measure_units[] = {
    "cc",  "chỉ",   "cm",  "cây số", "dặm",    "feet", "g",  "gam", "gb",   "ghz", "gram", "gw",
    "ha",  "hecta", "hz",  "héc-ta", "hải lý", "inch", "kg", "km",  "km/h", "km2", "kw",   "kwh",
    "lít", "lượng", "lần", "m",      "m2",     "m3",   "mb", "mg",  "ml",   "mm",  "mp",   "mw",
    "mét", "ppm",   "tb",  "thùng",  "tạ",     "tấn",  "°c", "°f",  "µg",   "độ"};
static const char *const classifiers[] = {
    "bài", "bộ",   "bức", "chiếc", "con", "cuốn", "cái",  "cây", "căn", "cơ",   "cặp",
    "khu", "lượt", "mức", "ngôi",  "quả", "suất", "trận", "tấm", "tờ",  "đoàn", "đôi"};
/* Words after a number that are not what it counts. */
static const char *const not_units[] = {
    "bị",   "cho",   "có",       "cũng", "của", "hay",  "hoặc",       "khi",   "không", "kia",
    "liên", "là",    "lên",      "mà",   "mới", "nay",  "người/ngày", "này",   "năm",   "nữa",
    "qua",  "ra",    "rồi",      "sau",  "so",  "sẽ",   "theo",       "tháng", "thì",   "trong",
    "trên", "trước", "tuổi/lần", "tại",  "tới", "từ",   "và",         "vào",   "vẫn",   "về",
    "với",  "vừa",   "xuống",    "đang", "đã",  "được", "đến",        "để",    "ở"};
/* Words before a number that make it an ordinal or an identifier. */
static const char *const id_before[] = {
    "bn",    "bài",   "bảng",  "bệnh",   "ca",   "chương", "chỉ",  "câu",  "hiệu", "hạng", "hồ",
    "khoản", "khu",   "khóa",  "kỳ",     "lần",  "lộ",     "lớp",  "mã",   "mẫu",  "mục",  "nghị",
    "nhân",  "nhóm",  "phòng", "phường", "phần", "quận",   "quốc", "sơ",   "số",   "thứ",  "top",
    "trang", "tuyến", "tầng",  "tập",    "vòng", "điều",   "đoạn", "định", "đội"};

int vnt__an_facts_lists_sorted(void)
{
    return vnt__an_sorted(measure_units, COUNT(measure_units)) &&
           vnt__an_sorted(classifiers, COUNT(classifiers)) &&
           vnt__an_sorted(not_units, COUNT(not_units)) &&
           vnt__an_sorted(id_before, COUNT(id_before));
}

static int pod_word(const an_tok *t, const char **pod)
{
    if (is(t, "sáng")) return *pod = "morning", 1;
    if (is(t, "trưa")) return *pod = "noon", 1;
    if (is(t, "chiều")) return *pod = "afternoon", 1;
    if (is(t, "tối")) return *pod = "evening", 1;
    if (is(t, "đêm") || is(t, "khuya")) return *pod = "night", 1;
    return 0;
}

static void set_span(an_ctx *c, vnt_value *v, size_t i, size_t j)
{
    v->start = TK(i)->s;
    v->end = TK(j - 1)->e;
    for (size_t k = i; k < j; k++)
        TK(k)->used = 1;
}

static int days_in(int y, int m)
{
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
    return d[m - 1];
}

static void add_days(int *y, int *m, int *d, int k)
{
    while (k < 0) {
        if (--*d < 1) {
            if (--*m < 1) *m = 12, --*y;
            *d = days_in(*y, *m);
        }
        k++;
    }
    while (k > 0) {
        if (++*d > days_in(*y, *m)) {
            *d = 1;
            if (++*m > 12) *m = 1, ++*y;
        }
        k--;
    }
}

/* Year of a day/month with no year: the article's, or the one before when
 * that would put the date more than 3 months after the article (why: news
 * reports the past; "26/12" in a January article is last December). */
static int infer_year(an_ctx *c, int m)
{
    if (!c->year) return 0;
    if (c->month && m > c->month + 3) return c->year - 1;
    return c->year;
}

static int all_digits(const char *s, size_t n)
{
    if (!n) return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9') return 0;
    return 1;
}

/* The integer a number token starts with, as atoi but within the token (why:
 * atoi read past the end of an input that ends in digits; found by fuzzing) */
static int tok_int(const an_ctx *c, size_t i)
{
    const an_tok *t = &c->t[i];
    size_t k = t->s;
    int neg = 0, v = 0;
    if (k < t->e && (c->s[k] == '-' || c->s[k] == '+')) neg = c->s[k++] == '-';
    for (; k < t->e && c->s[k] >= '0' && c->s[k] <= '9'; k++)
        v = v < 100000000 ? v * 10 + (c->s[k] - '0') : v;
    return neg ? -v : v;
}

static int year_tok(an_ctx *c, size_t i)
{
    an_tok *t = TK(i);
    if (t->type != VNT_TOK_NUMBER || t->e - t->s != 4 || !all_digits(c->s + t->s, 4)) return 0;
    int y = tok_int(c, i);
    return y >= 1000 && y <= 2199 ? y : 0;
}

static int read_dm(const char *s, size_t n, int *a, int *b, int *y)
{
    /* d/m, d/m/y, m/y, d-m-y, y-m-d */
    int x[3] = {0, 0, 0}, k = 0, digits = 0, len[3] = {0, 0, 0};
    char sep = 0;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (ch >= '0' && ch <= '9') {
            if (x[k] > 100000) return 0;
            x[k] = x[k] * 10 + (ch - '0');
            len[k]++;
            digits = 1;
        } else if ((ch == '/' || ch == '-' || ch == '.') && digits && k < 2 &&
                   (!sep || sep == ch)) {
            sep = ch;
            k++;
            digits = 0;
        } else
            return 0;
    }
    if (!digits) return 0;
    if (k == 2 && len[0] == 4) {
        *y = x[0], *b = x[1], *a = x[2];
    } else if (k == 2) {
        *a = x[0], *b = x[1], *y = x[2];
    } else {
        *a = x[0], *b = x[1], *y = 0;
    }
    if (k == 2 && *y < 100) *y += 2000;
    return k;
}

static void year_from_text(an_ctx *c)
{
    for (size_t i = 0; i < c->nt; i++) {
        an_tok *t = TK(i);
        int a, b, y;
        if (t->type == VNT_TOK_DATE && read_dm(c->s + t->s, t->e - t->s, &a, &b, &y) == 2 && y) {
            c->year = y;
            return;
        }
        if (is(t, "năm") && i + 1 < c->nt && (y = year_tok(c, i + 1)) >= 1900) {
            c->year = y;
            return;
        }
    }
}

static void emit_date(an_ctx *c, size_t i, size_t j, const char *iso, const char *pod, int rel)
{
    vnt_value v;
    memset(&v, 0, sizeof v);
    v.kind = VNT_VAL_DATE;
    set_span(c, &v, i, j);
    snprintf(v.iso, sizeof v.iso, "%s", iso);
    v.part_of_day = pod;
    v.relative = rel;
    vnt__an_push_value(c, &v);
}

/* Start of a date phrase ending before token i: "ngày", "sáng", "sáng sớm ngày"… */
static size_t date_prefix(an_ctx *c, size_t i, const char **pod)
{
    size_t k = i;
    *pod = NULL;
    if (k > 0 && !TK(k)->sent0 && is(TK(k - 1), "ngày") && !TK(k - 1)->used) k--;
    if (k > 0 && !TK(k)->sent0 && is(TK(k - 1), "sớm") && k > 1 && is(TK(k - 2), "sáng")) {
        *pod = "morning";
        return k - 2;
    }
    if (k > 0 && !TK(k)->sent0 && !TK(k - 1)->used && pod_word(TK(k - 1), pod)) k--;
    if (k > 0 && !TK(k)->sent0 && is(TK(k - 1), "rạng") && *pod) k--;
    return k;
}

/* Day of the week, 0 = Sunday (Sakamoto's method). */
static int weekday(int y, int m, int d)
{
    static const int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    if (m < 3) y--;
    return (y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7;
}

/* "thứ Hai".."thứ Bảy", "thứ 2".."thứ 7", "chủ nhật": day of the week (0 =
 * Sunday) and the tokens it takes, or -1. */
static int weekday_at(an_ctx *c, size_t i, size_t *end)
{
    static const char *const names[] = {"", "", "hai", "ba", "tư", "năm", "sáu", "bảy"};
    if (i + 1 >= c->nt || TK(i + 1)->sent0) return -1;
    if (is(TK(i), "chủ") && is(TK(i + 1), "nhật")) return *end = i + 2, 0;
    if (!is(TK(i), "thứ")) return -1;
    const an_tok *u = TK(i + 1);
    for (int k = 2; k <= 7; k++) {
        char dig[2] = {(char)('0' + k), 0};
        if (is(u, names[k]) || is(u, dig)) return *end = i + 2, k - 1;
    }
    return -1;
}

/* Relative periods, resolved against the article date: "tuần trước" (the
 * week before, Monday to Sunday), "tuần này", "tháng này/trước", "năm
 * nay/ngoái/trước", a day of the week ("thứ Sáu" = the last Friday up to the
 * article date; news reports the past), and quarters ("quý 2/2020",
 * "quý II năm 2020"; without a year, the article's). */
static void relative_periods(an_ctx *c)
{
    char iso[24];
    for (size_t i = 0; i + 1 < c->nt; i++) {
        an_tok *t = TK(i), *u = TK(i + 1);
        if (t->used || u->used || u->sent0) continue;
        int y = c->year, m = c->month, d = c->day;
        /* a date written next to it says it ("thứ Sáu (30/10)", "tuần trước, ngày 12/4") */
        size_t end = i + 2;
        int wd = weekday_at(c, i, &end);
        int next_used =
            end < c->nt && !TK(end)->sent0 &&
            (TK(end)->used || (end + 1 < c->nt && is(TK(end), "(") && TK(end + 1)->used) ||
             (end + 1 < c->nt && is(TK(end), ",") && TK(end + 1)->used));
        /* a day, not an ordinal ("lần thứ hai"): a capitalised day name, or
         * a word that introduces a day before it */
        if (wd >= 0 && !(TK(i + 1)->cse != VNT_CASE_LOWER && TK(i + 1)->type == VNT_TOK_SYLLABLE) &&
            !(wd == 0) &&
            !(i > 0 && !t->sent0 &&
              (is(TK(i - 1), "hôm") || is(TK(i - 1), "ngày") || is(TK(i - 1), "vào") ||
               pod_word(TK(i - 1), &(const char *){NULL}))))
            wd = -1;
        if (wd >= 0) {
            if (next_used ||
                (end < c->nt && (is(TK(end), "tới") || is(TK(end), "sau") || is(TK(end), "này"))))
                continue;
            size_t s0 = i;
            if (i > 0 && !t->sent0 && (is(TK(i - 1), "hôm") || is(TK(i - 1), "ngày")) &&
                !TK(i - 1)->used)
                s0 = i - 1;
            /* "vừa qua", "tuần trước" after it belong to it */
            if (end + 1 < c->nt && !TK(end)->sent0 && is(TK(end), "vừa") && is(TK(end + 1), "qua"))
                end += 2;
            int back = (weekday(y, m, d) - wd + 7) % 7;
            add_days(&y, &m, &d, -back);
            snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
            emit_date(c, s0, end, iso, NULL, 1);
            i = end - 1;
            continue;
        }
        if (next_used) continue;
        if (is(t, "tuần") && (is(u, "trước") || is(u, "này"))) {
            /* Monday of the article's week, then back a week for "trước" */
            add_days(&y, &m, &d, -((weekday(y, m, d) + 6) % 7) - (is(u, "trước") ? 7 : 0));
            int y2 = y, m2 = m, d2 = d;
            add_days(&y2, &m2, &d2, 6);
            snprintf(iso, sizeof iso, "%04d-%02d-%02d/%04d-%02d-%02d", y, m, d, y2, m2, d2);
            emit_date(c, i, i + 2, iso, NULL, 1);
            i++;
            continue;
        }
        if (is(t, "tháng") && (is(u, "này") || is(u, "trước"))) {
            if (is(u, "trước") && --m < 1) m = 12, y--;
            snprintf(iso, sizeof iso, "%04d-%02d", y, m);
            emit_date(c, i, i + 2, iso, NULL, 1);
            i++;
            continue;
        }
        if (is(t, "năm") && (is(u, "nay") || is(u, "ngoái") || is(u, "tới"))) {
            snprintf(iso, sizeof iso, "%04d", is(u, "nay") ? y : is(u, "tới") ? y + 1 : y - 1);
            emit_date(c, i, i + 2, iso, NULL, 1);
            i++;
            continue;
        }
        if (is(t, "quý")) {
            /* quý 2, quý II, quý 2/2020, quý II năm 2020 */
            int q = 0, qy = 0;
            size_t j = i + 2;
            int a = 0, b = 0, yy = 0;
            if (u->type == VNT_TOK_DATE && read_dm(c->s + u->s, u->e - u->s, &a, &b, &yy) == 1 &&
                b >= 1000)
                q = a, qy = b;
            else if (u->type == VNT_TOK_NUMBER && u->e - u->s == 1)
                q = c->s[u->s] - '0';
            else if (is(u, "i"))
                q = 1;
            else if (is(u, "ii"))
                q = 2;
            else if (is(u, "iii"))
                q = 3;
            else if (is(u, "iv"))
                q = 4;
            if (q < 1 || q > 4) continue;
            if (!qy && j + 1 < c->nt && !TK(j)->sent0 && TK(j)->type == VNT_TOK_PUNCT &&
                is(TK(j), "/") && (qy = year_tok(c, j + 1)))
                j += 2;
            else if (!qy && j + 1 < c->nt && !TK(j)->sent0 && is(TK(j), "năm") &&
                     (qy = year_tok(c, j + 1)))
                j += 2;
            if (!qy) qy = y;
            snprintf(iso, sizeof iso, "%04d-%02d/%04d-%02d", qy, 3 * q - 2, qy, 3 * q);
            emit_date(c, i, j, iso, NULL, qy == y && j == i + 2);
            i = j - 1;
        }
    }
}

/* "1/4 tới 30/5", "30/4 - 1/5", "ngày 29/1 đến 11/2/2021", "năm 1989 đến
 * năm 2009": two dates joined by a range word are one interval A/B
 * (tests/gold/README.md, date). Values are in text order. */
static void date_ranges(an_ctx *c)
{
    vnt_article *a = c->a;
    size_t o = 0;
    for (size_t k = 0; k < a->n_values; k++) {
        vnt_value *v = &a->values[k];
        if (o > 0) {
            vnt_value *p = &a->values[o - 1];
            if (p->kind == VNT_VAL_DATE && v->kind == VNT_VAL_DATE && p->end <= v->start &&
                !p->relative && !v->relative && !strchr(p->iso, '/') && !strchr(v->iso, '/') &&
                p->iso[0] != '-' && v->iso[0] != '-' && strlen(p->iso) == strlen(v->iso)) {
                /* the words between: spaces and one range word */
                const char *g = c->s + p->end, *ge = c->s + v->start;
                while (g < ge && (*g == ' ' || *g == '\t'))
                    g++;
                while (ge > g && (ge[-1] == ' ' || ge[-1] == '\t'))
                    ge--;
                size_t gl = (size_t)(ge - g);
                int joined = (gl == 1 && *g == '-') || (gl == 3 && !memcmp(g, "\xe2\x80\x93", 3)) ||
                             (gl == strlen("đến") && !memcmp(g, "đến", gl)) ||
                             (gl == strlen("tới") && !memcmp(g, "tới", gl));
                size_t pl = strlen(p->iso), vl = strlen(v->iso);
                if (joined && strcmp(p->iso, v->iso) < 0 && pl + 1 + vl < sizeof p->iso) {
                    p->iso[pl] = '/';
                    memcpy(p->iso + pl + 1, v->iso, vl + 1);
                    p->end = v->end;
                    continue;
                }
            }
        }
        if (o != k) a->values[o] = *v;
        o++;
    }
    a->n_values = o;
}

static void dates(an_ctx *c)
{
    char iso[24];
    for (size_t i = 0; i < c->nt; i++) {
        an_tok *t = TK(i);
        if (t->used) continue;
        int a = 0, b = 0, y = 0;
        const char *pod = NULL;
        if (t->type == VNT_TOK_DATE) {
            int k = read_dm(c->s + t->s, t->e - t->s, &a, &b, &y);
            int after_thang = i > 0 && is(TK(i - 1), "tháng") && !t->sent0;
            if (i > 0 && !t->sent0 && is(TK(i - 1), "quý")) continue; /* relative_periods */
            if (k == 1 && a >= 1900 && a <= 2100 && b >= 0 && b < 100 && t->e - t->s == 7 &&
                c->s[t->s + 4] == '-' && b > a % 100) {
                /* a span of years: 2024-25 */
                snprintf(iso, sizeof iso, "%04d/%04d", a, a / 100 * 100 + b);
                emit_date(c, i, i + 1, iso, NULL, 0);
                continue;
            }
            if (k == 1 && (after_thang || b > 31)) {
                /* month/year: tháng 4/2021 */
                if (a < 1 || a > 12 || b < 1000) continue;
                snprintf(iso, sizeof iso, "%04d-%02d", b, a);
                emit_date(c, after_thang ? i - 1 : i, i + 1, iso, NULL, 0);
                continue;
            }
            if (a < 1 || a > 31 || b < 1 || b > 12) continue;
            if (!y) y = infer_year(c, b);
            size_t s0 = date_prefix(c, i, &pod);
            if (y)
                snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, b, a);
            else
                snprintf(iso, sizeof iso, "--%02d-%02d", b, a);
            emit_date(c, s0, i + 1, iso, pod, 0);
            continue;
        }
        /* ngày 26 tháng 1 (năm 2022) */
        if (is(t, "ngày") && i + 3 < c->nt && TK(i + 1)->type == VNT_TOK_NUMBER &&
            is(TK(i + 2), "tháng") && TK(i + 3)->type == VNT_TOK_NUMBER) {
            a = tok_int(c, i + 1);
            b = tok_int(c, i + 3);
            if (a >= 1 && a <= 31 && b >= 1 && b <= 12) {
                size_t j = i + 4;
                if (j + 1 < c->nt && is(TK(j), "năm") && (y = year_tok(c, j + 1)))
                    j += 2;
                else
                    y = infer_year(c, b);
                size_t s0 = date_prefix(c, i + 1, &pod);
                if (y)
                    snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, b, a);
                else
                    snprintf(iso, sizeof iso, "--%02d-%02d", b, a);
                emit_date(c, s0, j, iso, pod, 0);
                i = j - 1;
                continue;
            }
        }
        /* tháng 8 (năm 2014) */
        if (is(t, "tháng") && i + 1 < c->nt && TK(i + 1)->type == VNT_TOK_NUMBER &&
            !TK(i + 1)->sent0) {
            b = tok_int(c, i + 1);
            if (b >= 1 && b <= 12 && all_digits(c->s + TK(i + 1)->s, TK(i + 1)->e - TK(i + 1)->s)) {
                size_t j = i + 2;
                if (j + 1 < c->nt && is(TK(j), "năm") && (y = year_tok(c, j + 1)))
                    j += 2;
                else if (j < c->nt && !TK(j)->sent0 && is(TK(j), "tới") && c->year) {
                    /* "tháng 11 tới": the next November */
                    y = b > c->month ? c->year : c->year + 1;
                    j++;
                } else
                    y = infer_year(c, b);
                if (y)
                    snprintf(iso, sizeof iso, "%04d-%02d", y, b);
                else
                    snprintf(iso, sizeof iso, "--%02d", b);
                emit_date(c, i, j, iso, NULL, 0);
                i = j - 1;
                continue;
            }
        }
        /* năm 2022, năm 2020-2025, 2018-2023, SN 1993 */
        int yy = 0;
        size_t s0 = i, j = i;
        if (is(t, "năm") && i + 1 < c->nt && !TK(i + 1)->sent0 && (yy = year_tok(c, i + 1)))
            j = i + 2;
        else if ((yy = year_tok(c, i)) >= 1900 && yy <= 2100)
            j = i + 1;
        else
            continue;
        /* a year is not followed by what a count is followed by */
        if (j < c->nt && !TK(j)->sent0 && (scale_of(TK(j)) || TK(j)->type == VNT_TOK_PERCENT))
            continue;
        size_t dummy;
        if (currency(c, j, &dummy)) continue;
        int y2 = 0;
        int range = j + 1 < c->nt && TK(j)->type == VNT_TOK_PUNCT &&
                    (is(TK(j), "-") || is(TK(j), "–")) &&
                    ((y2 = year_tok(c, j + 1)) > yy ||
                     (TK(j + 1)->type == VNT_TOK_NUMBER && TK(j + 1)->e - TK(j + 1)->s == 2 &&
                      all_digits(c->s + TK(j + 1)->s, 2) &&
                      (y2 = yy / 100 * 100 + tok_int(c, j + 1)) > yy));
        /* "nhiệm kỳ 2020-2025", "giai đoạn 2015 - 2020": a span of years is a
         * date even after an identifier word (tests/gold/README.md, date) */
        if (!range && s0 == j - 1 && s0 > 0 && !TK(s0)->sent0 &&
            vnt__an_in(TK(s0 - 1)->lk, id_before, COUNT(id_before)))
            continue;
        if (range) {
            snprintf(iso, sizeof iso, "%04d/%04d", yy, y2);
            j += 2;
        } else
            snprintf(iso, sizeof iso, "%04d", yy);
        emit_date(c, s0, j, iso, NULL, 0);
        i = j - 1;
    }
    /* relative dates, resolved against the article date */
    if (!c->year || !c->month || !c->day) return;
    for (size_t i = 0; i + 1 < c->nt; i++) {
        an_tok *t = TK(i), *u = TK(i + 1);
        if (t->used || u->used || u->sent0) continue;
        int off = 99;
        const char *pod = NULL;
        if (is(t, "hôm") && is(u, "nay"))
            off = 0;
        else if (is(t, "hôm") && is(u, "qua"))
            off = -1;
        else if (is(t, "hôm") && is(u, "kia"))
            off = -2;
        else if (is(t, "ngày") && is(u, "mai"))
            off = 1;
        else if (pod_word(t, &pod) && is(u, "nay"))
            off = 0;
        else if (pod_word(t, &pod) && is(u, "qua"))
            off = -1;
        if (off == 99) continue;
        /* "hôm nay 29/4": the explicit date says it */
        if (i + 2 < c->nt && !TK(i + 2)->sent0 && TK(i + 2)->used) continue;
        int y = c->year, m = c->month, d = c->day;
        add_days(&y, &m, &d, off);
        char iso2[24];
        snprintf(iso2, sizeof iso2, "%04d-%02d-%02d", y, m, d);
        emit_date(c, i, i + 2, iso2, pod, 1);
        i++;
    }
    relative_periods(c);
}

static void times(an_ctx *c)
{
    for (size_t i = 0; i < c->nt; i++) {
        an_tok *t = TK(i);
        if (t->used) continue;
        int h = -1, m = 0;
        size_t j = i + 1;
        if (t->type == VNT_TOK_TIME) {
            const char *p = c->s + t->s, *e = c->s + t->e;
            h = 0;
            while (p < e && *p >= '0' && *p <= '9')
                h = h * 10 + (*p++ - '0');
            if (p < e) p++; /* h, g, : */
            while (p < e && *p >= '0' && *p <= '9')
                m = m * 10 + (*p++ - '0');
        } else if (t->type == VNT_TOK_NUMBER && i + 1 < c->nt && is(TK(i + 1), "giờ") &&
                   ((i > 0 && (is(TK(i - 1), "lúc") || is(TK(i - 1), "vào") ||
                               is(TK(i - 1), "từ") || is(TK(i - 1), "đến"))) ||
                    /* "10 giờ tối": a clock time by its part of the day */
                    (i + 2 < c->nt && !TK(i + 2)->sent0 &&
                     pod_word(TK(i + 2), &(const char *){NULL})))) {
            h = tok_int(c, i);
            j = i + 2;
            if (j + 1 < c->nt && TK(j)->type == VNT_TOK_NUMBER && is(TK(j + 1), "phút")) {
                m = tok_int(c, j);
                j += 2;
            }
        }
        if (h < 0 || h > 24 || m > 59) continue;
        vnt_value v;
        memset(&v, 0, sizeof v);
        v.kind = VNT_VAL_TIME;
        set_span(c, &v, i, j);
        snprintf(v.iso, sizeof v.iso, "%02d:%02d", h, m);
        v.value = h + m / 60.0;
        const char *pod = NULL;
        if (j < c->nt && !TK(j)->sent0 && pod_word(TK(j), &pod)) {
            v.part_of_day = pod;
            /* "10 giờ tối" is 22:00, "2 giờ chiều" 14:00 */
            if (h < 12 && (!strcmp(pod, "evening") || (!strcmp(pod, "afternoon") && h < 7) ||
                           (!strcmp(pod, "night") && h >= 7))) {
                h += 12;
                snprintf(v.iso, sizeof v.iso, "%02d:%02d", h, m);
                v.value = h + m / 60.0;
            }
            v.end = TK(j)->e;
            TK(j)->used = 1;
        }
        vnt__an_push_value(c, &v);
        i = j - 1;
    }
}

static const char *duration_unit(const an_tok *t)
{
    if (is(t, "giây")) return "second";
    if (is(t, "phút")) return "minute";
    if (is(t, "giờ") || is(t, "tiếng")) return "hour";
    if (is(t, "ngày")) return "day";
    if (is(t, "tuần")) return "week";
    if (is(t, "tháng")) return "month";
    if (is(t, "năm")) return "year";
    if (is(t, "đêm")) return "night";
    return NULL;
}

static int emit_amount(an_ctx *c, size_t s0, size_t j, vnt_value_kind k, double val,
                       const char *unit, size_t ulen)
{
    vnt_value v;
    memset(&v, 0, sizeof v);
    v.kind = k;
    set_span(c, &v, s0, j);
    v.value = val;
    if (ulen >= sizeof v.unit) ulen = sizeof v.unit - 1;
    memcpy(v.unit, unit, ulen);
    v.unit[ulen] = 0;
    return vnt__an_push_value(c, &v);
}

/* "400.000 - 500.000 đồng", "55,4 - 55,8 triệu đồng": the first number of a
 * range takes the scale and unit of the second. */
static void range_head(an_ctx *c, size_t i, vnt_value_kind k, double mult, const char *unit,
                       size_t ulen)
{
    if (i < 2 || TK(i)->sent0) return;
    an_tok *d = TK(i - 1), *n = TK(i - 2);
    if (!(is(d, "-") || is(d, "–") || is(d, "đến") || is(d, "tới")) || n->used ||
        n->type != VNT_TOK_NUMBER)
        return;
    double v;
    if (!vnt__an_parse_number(c->s + n->s, n->e - n->s, &v)) return;
    emit_amount(c, i - 2, i - 1, k, v * mult, unit, ulen);
}

static void amounts(an_ctx *c)
{
    for (size_t i = 0; i < c->nt; i++) {
        an_tok *t = TK(i);
        if (t->used) continue;
        if (t->type == VNT_TOK_PERCENT) {
            double v;
            if (vnt__an_parse_number(c->s + t->s, t->e - t->s - 1, &v)) {
                emit_amount(c, i, i + 1, VNT_VAL_PERCENT, v, "%", 1);
                range_head(c, i, VNT_VAL_PERCENT, 1, "%", 1);
            }
            continue;
        }
        if (t->type != VNT_TOK_NUMBER && t->type != VNT_TOK_SYLLABLE) continue;
        double v, mult = 1;
        int words;
        size_t j = number_at(c, i, &v, &words);
        if (j == i || j >= c->nt || TK(j)->sent0) continue;
        size_t s0 = i;
        if (i > 0 && !t->sent0 && is(TK(i - 1), "âm")) {
            s0 = i - 1;
            v = -v;
        }
        /* "00140" (a plate, a code) is no count */
        if (!words && t->type == VNT_TOK_NUMBER) {
            const char *d0 = c->s + t->s;
            if (*d0 == '-' || *d0 == '+') d0++;
            if (d0 + 1 < c->s + t->e && d0[0] == '0' && d0[1] >= '0' && d0[1] <= '9') continue;
        }
        /* after an identifier word, a number is an ordinal or a code; "trong
         * vòng 24 giờ" is a span of time all the same */
        if (!words && i > 0 && !t->sent0 &&
            vnt__an_in(TK(i - 1)->lk, id_before, COUNT(id_before)) &&
            !(is(TK(i - 1), "vòng") && i > 1 && is(TK(i - 2), "trong")))
            continue;
        /* the multiplier the scale words gave, for a range head */
        if (!words) {
            double raw;
            if (vnt__an_parse_number(c->s + t->s, t->e - t->s, &raw) && raw) mult = v / raw;
        }
        an_tok *u = TK(j);
        size_t ce;
        const char *cur;
        if (!words && (cur = currency(c, j, &ce)) != NULL) {
            emit_amount(c, s0, ce, VNT_VAL_MONEY, v, cur, strlen(cur));
            range_head(c, i, VNT_VAL_MONEY, mult, cur, strlen(cur));
            i = ce - 1;
            continue;
        }
        if (is(u, "%") || (is(u, "phần") && j + 1 < c->nt && is(TK(j + 1), "trăm"))) {
            size_t e = is(u, "%") ? j + 1 : j + 2;
            emit_amount(c, s0, e, VNT_VAL_PERCENT, v, "%", 1);
            i = e - 1;
            continue;
        }
        const char *du = duration_unit(u);
        size_t de = j + 1;
        /* "ba thập kỷ", "2 thập niên": decades in years; "8 tiếng đồng hồ" */
        if (is(u, "thập") && de < c->nt && (is(TK(de), "kỷ") || is(TK(de), "niên"))) {
            du = "year";
            v *= 10;
            mult *= 10;
            de++;
        } else if (du && is(u, "tiếng") && de + 1 < c->nt && is(TK(de), "đồng") &&
                   is(TK(de + 1), "hồ"))
            de += 2;
        if (du && !(is(u, "năm") && j + 1 < c->nt && year_tok(c, j + 1))) {
            /* "lúc 8 giờ" is a time (handled before); "tháng 5" never reaches here */
            emit_amount(c, s0, de, VNT_VAL_DURATION, v, du, strlen(du));
            range_head(c, i, VNT_VAL_DURATION, mult, du, strlen(du));
            i = de - 1;
            continue;
        }
        /* a measure unit, whatever its case: 48 MP, 16 GB */
        if ((u->type == VNT_TOK_SYLLABLE || u->type == VNT_TOK_FOREIGN ||
             u->type == VNT_TOK_ABBREV) &&
            u->cse != VNT_CASE_LOWER && vnt__an_in(u->lk, measure_units, COUNT(measure_units))) {
            emit_amount(c, s0, j + 1, VNT_VAL_QUANTITY, v, c->s + u->s, u->e - u->s);
            range_head(c, i, VNT_VAL_QUANTITY, mult, c->s + u->s, u->e - u->s);
            i = j;
            continue;
        }
        /* quantities: a measure unit or a counted noun */
        if (u->cse != VNT_CASE_LOWER || (u->type != VNT_TOK_SYLLABLE && u->type != VNT_TOK_FOREIGN))
            continue;
        size_t ue;
        if (vnt__an_in(u->lk, measure_units, COUNT(measure_units))) {
            ue = j + 1;
            if (is(u, "độ") && ue < c->nt &&
                (is(TK(ue), "c") || is(TK(ue), "f") || is(TK(ue), "c.") || is(TK(ue), "f.")) &&
                !TK(ue)->sent0)
                ue++;
        } else {
            if (vnt__an_in(u->lk, not_units, COUNT(not_units)) || scale_of(u)) continue;
            /* with a tagger: only nouns are counted */
            if (u->upos != VNT_UPOS_X && u->upos != VNT_UPOS_NOUN) continue;
            if (words && u->upos == VNT_UPOS_X) continue;
            ue = u->wlast + 1;
            if (vnt__an_in(u->lk, classifiers, COUNT(classifiers)) && ue < c->nt &&
                !TK(ue)->sent0 && TK(ue)->cse == VNT_CASE_LOWER &&
                TK(ue)->type == VNT_TOK_SYLLABLE &&
                !vnt__an_in(TK(ue)->lk, not_units, COUNT(not_units)))
                ue = TK(ue)->wlast + 1;
        }
        if (words && is(t, "năm") && u->upos == VNT_UPOS_X) continue;
        emit_amount(c, s0, ue, VNT_VAL_QUANTITY, v, c->s + u->s, TK(ue - 1)->e - u->s);
        range_head(c, i, VNT_VAL_QUANTITY, mult, c->s + u->s, TK(ue - 1)->e - u->s);
        i = ue - 1;
    }
}

static int cmp_val(const void *x, const void *y)
{
    const vnt_value *a = x, *b = y;
    return a->start < b->start ? -1 : a->start > b->start;
}

void vnt__an_facts(an_ctx *c)
{
    if (!c->year) year_from_text(c);
    times(c);
    dates(c);
    amounts(c);
    if (c->a->n_values > 1) qsort(c->a->values, c->a->n_values, sizeof *c->a->values, cmp_val);
    date_ranges(c);
}
