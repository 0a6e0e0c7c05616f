-- vntext 0.1: Vietnamese text search for PostgreSQL (docs/search.md).
\echo Use "CREATE EXTENSION vntext" to load this file. \quit

CREATE FUNCTION vntext_prs_start(internal, int4) RETURNS internal
    AS 'MODULE_PATHNAME' LANGUAGE C STRICT;
CREATE FUNCTION vntext_prs_nexttoken(internal, internal, internal) RETURNS internal
    AS 'MODULE_PATHNAME' LANGUAGE C STRICT;
CREATE FUNCTION vntext_prs_end(internal) RETURNS void
    AS 'MODULE_PATHNAME' LANGUAGE C STRICT;
CREATE FUNCTION vntext_prs_lextype(internal) RETURNS internal
    AS 'MODULE_PATHNAME' LANGUAGE C STRICT;

-- Tokens are syllables, whole multi-syllable words ("compound"), numbers,
-- dates, codes…; everything between them is "blank", so ts_headline
-- reproduces the original text byte for byte.
CREATE TEXT SEARCH PARSER vntext_parser (
    START = vntext_prs_start,
    GETTOKEN = vntext_prs_nexttoken,
    END = vntext_prs_end,
    LEXTYPES = vntext_prs_lextype,
    HEADLINE = pg_catalog.prsd_headline
);

CREATE FUNCTION vntext_dict_init(internal) RETURNS internal
    AS 'MODULE_PATHNAME' LANGUAGE C STRICT;
CREATE FUNCTION vntext_dict_lexize(internal, internal, internal, internal) RETURNS internal
    AS 'MODULE_PATHNAME' LANGUAGE C STRICT;

CREATE TEXT SEARCH TEMPLATE vntext_template (
    INIT = vntext_dict_init,
    LEXIZE = vntext_dict_lexize
);

-- accents: both (accented + accent-free lexemes), fold (accent-free only),
-- keep (accented only); compounds: 1 = also index whole words (kinh_tế).
CREATE TEXT SEARCH DICTIONARY vntext_dict (
    TEMPLATE = vntext_template, accents = 'both', compounds = 1
);
CREATE TEXT SEARCH DICTIONARY vntext_unaccent_dict (
    TEMPLATE = vntext_template, accents = 'fold', compounds = 1
);

CREATE TEXT SEARCH CONFIGURATION vietnamese (PARSER = vntext_parser);
ALTER TEXT SEARCH CONFIGURATION vietnamese ADD MAPPING FOR
    syllable, compound, foreignword, email, url, number, date, timeofday, percent, code,
    abbrev, phone, hashtag, mention
    WITH vntext_dict;

CREATE TEXT SEARCH CONFIGURATION vietnamese_unaccent (PARSER = vntext_parser);
ALTER TEXT SEARCH CONFIGURATION vietnamese_unaccent ADD MAPPING FOR
    syllable, compound, foreignword, email, url, number, date, timeofday, percent, code,
    abbrev, phone, hashtag, mention
    WITH vntext_unaccent_dict;
