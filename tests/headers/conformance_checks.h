// Run-time conformance checks of the PSA Crypto API values and classification
// macros, shared by the C99 and the C++17 conformance tests (the code is in
// the common subset of both languages, so that the macros are exercised by
// both compilers). Each function expands one of the tables:
//   values_table.inc      expected value (and type) of each constant and
//                         constructor;
//   predicates_table.inc  expected result of each PSA_xxx_IS_xxx macro over
//                         a corpus of algorithms and key types.

#ifndef TESTS_HEADERS_CONFORMANCE_CHECKS_H_
#define TESTS_HEADERS_CONFORMANCE_CHECKS_H_

#include <stddef.h>
#include <stdio.h>

#include "psa/crypto.h"

// Counts of the checks that passed and failed.
typedef struct {
    unsigned long passed;
    unsigned long failed;
} psa_test_tally_t;

static void psa_test_record(psa_test_tally_t *tally, int ok) {
    if (ok) {
        ++tally->passed;
    } else {
        ++tally->failed;
    }
}

// Checks that `expression` (printed as `text`) has the value `expected` and,
// when `actual_size` is nonzero, the size of the type the specification
// gives it (C has no portable way to compare types; C++ checks them exactly
// at compile time).
static void psa_test_check_value(psa_test_tally_t *tally, const char *text,
                                 long long actual, long long expected,
                                 size_t actual_size, size_t expected_size) {
    int ok = 1;
    if (actual != expected) {
        fprintf(stderr, "FAIL: %s == %lld (0x%llx), expected %lld (0x%llx)\n",
                text, actual, (unsigned long long)actual, expected,
                (unsigned long long)expected);
        ok = 0;
    }
    if (actual_size != expected_size) {
        fprintf(stderr, "FAIL: sizeof(%s) == %lu, expected %lu\n", text,
                (unsigned long)actual_size, (unsigned long)expected_size);
        ok = 0;
    }
    psa_test_record(tally, ok);
}

// Checks every row of values_table.inc.
static void psa_test_check_values(psa_test_tally_t *tally) {
#define PSA_TEST_TYPED(type, expression, expected)                        \
    psa_test_check_value(tally, #expression, (long long)(expression),     \
                         (long long)(expected), sizeof(expression),       \
                         sizeof(type));
#define PSA_TEST_VALUE(expression, expected)                              \
    psa_test_check_value(tally, #expression, (long long)(expression),     \
                         (long long)(expected), 0, 0);
#include "values_table.inc"
#undef PSA_TEST_TYPED
#undef PSA_TEST_VALUE
}

// ---- Classification macros -------------------------------------------------

static const psa_algorithm_t psa_test_algorithm_corpus[] = {
#define PSA_TEST_ALGORITHM(alg) (alg),
#define PSA_TEST_KEY_TYPE(type)
#define PSA_TEST_ALG_PREDICATE(predicate, ...)
#define PSA_TEST_KEY_TYPE_PREDICATE(predicate, ...)
#include "predicates_table.inc"
#undef PSA_TEST_ALGORITHM
#undef PSA_TEST_KEY_TYPE
#undef PSA_TEST_ALG_PREDICATE
#undef PSA_TEST_KEY_TYPE_PREDICATE
};

static const psa_key_type_t psa_test_key_type_corpus[] = {
#define PSA_TEST_ALGORITHM(alg)
#define PSA_TEST_KEY_TYPE(type) (type),
#define PSA_TEST_ALG_PREDICATE(predicate, ...)
#define PSA_TEST_KEY_TYPE_PREDICATE(predicate, ...)
#include "predicates_table.inc"
#undef PSA_TEST_ALGORITHM
#undef PSA_TEST_KEY_TYPE
#undef PSA_TEST_ALG_PREDICATE
#undef PSA_TEST_KEY_TYPE_PREDICATE
};

#define PSA_TEST_COUNT_OF(array) (sizeof(array) / sizeof((array)[0]))

// For each predicate: a function evaluating it, and the array of the corpus
// members for which it must be 1.
#define PSA_TEST_ALGORITHM(alg)
#define PSA_TEST_KEY_TYPE(type)
#define PSA_TEST_ALG_PREDICATE(predicate, ...)                             \
    static int psa_test_eval_##predicate(psa_algorithm_t alg) {            \
        return (int)(predicate(alg));                                       \
    }                                                                       \
    static const psa_algorithm_t psa_test_positives_##predicate[] = {      \
        __VA_ARGS__};
#define PSA_TEST_KEY_TYPE_PREDICATE(predicate, ...)                        \
    static int psa_test_eval_##predicate(psa_key_type_t type) {            \
        return (int)(predicate(type));                                      \
    }                                                                       \
    static const psa_key_type_t psa_test_positives_##predicate[] = {       \
        __VA_ARGS__};
#include "predicates_table.inc"
#undef PSA_TEST_ALGORITHM
#undef PSA_TEST_KEY_TYPE
#undef PSA_TEST_ALG_PREDICATE
#undef PSA_TEST_KEY_TYPE_PREDICATE

// Checks that `eval` gives exactly 1 on the `positive_count` members of
// `positives` and exactly 0 on every other member of the corpus, and that
// every positive is a corpus member.
static void psa_test_check_alg_predicate(
    psa_test_tally_t *tally, const char *name,
    int (*eval)(psa_algorithm_t), const psa_algorithm_t *positives,
    size_t positive_count) {
    size_t i, j;
    for (j = 0; j < positive_count; ++j) {
        int in_corpus = 0;
        for (i = 0; i < PSA_TEST_COUNT_OF(psa_test_algorithm_corpus); ++i) {
            in_corpus |= psa_test_algorithm_corpus[i] == positives[j];
        }
        if (!in_corpus) {
            fprintf(stderr, "FAIL: %s: positive 0x%08lx is not in the corpus\n",
                    name, (unsigned long)positives[j]);
        }
        psa_test_record(tally, in_corpus);
    }
    for (i = 0; i < PSA_TEST_COUNT_OF(psa_test_algorithm_corpus); ++i) {
        const psa_algorithm_t alg = psa_test_algorithm_corpus[i];
        int expected = 0;
        int actual = eval(alg);
        for (j = 0; j < positive_count; ++j) {
            expected |= positives[j] == alg;
        }
        if (actual != expected) {
            fprintf(stderr, "FAIL: %s(0x%08lx) == %d, expected %d\n", name,
                    (unsigned long)alg, actual, expected);
        }
        psa_test_record(tally, actual == expected);
    }
}

// As psa_test_check_alg_predicate(), for key types.
static void psa_test_check_key_type_predicate(
    psa_test_tally_t *tally, const char *name,
    int (*eval)(psa_key_type_t), const psa_key_type_t *positives,
    size_t positive_count) {
    size_t i, j;
    for (j = 0; j < positive_count; ++j) {
        int in_corpus = 0;
        for (i = 0; i < PSA_TEST_COUNT_OF(psa_test_key_type_corpus); ++i) {
            in_corpus |= psa_test_key_type_corpus[i] == positives[j];
        }
        if (!in_corpus) {
            fprintf(stderr, "FAIL: %s: positive 0x%04x is not in the corpus\n",
                    name, (unsigned)positives[j]);
        }
        psa_test_record(tally, in_corpus);
    }
    for (i = 0; i < PSA_TEST_COUNT_OF(psa_test_key_type_corpus); ++i) {
        const psa_key_type_t type = psa_test_key_type_corpus[i];
        int expected = 0;
        int actual = eval(type);
        for (j = 0; j < positive_count; ++j) {
            expected |= positives[j] == type;
        }
        if (actual != expected) {
            fprintf(stderr, "FAIL: %s(0x%04x) == %d, expected %d\n", name,
                    (unsigned)type, actual, expected);
        }
        psa_test_record(tally, actual == expected);
    }
}

// Checks every predicate row of predicates_table.inc.
static void psa_test_check_predicates(psa_test_tally_t *tally) {
#define PSA_TEST_ALGORITHM(alg)
#define PSA_TEST_KEY_TYPE(type)
#define PSA_TEST_ALG_PREDICATE(predicate, ...)                          \
    psa_test_check_alg_predicate(                                       \
        tally, #predicate, psa_test_eval_##predicate,                   \
        psa_test_positives_##predicate,                                 \
        PSA_TEST_COUNT_OF(psa_test_positives_##predicate));
#define PSA_TEST_KEY_TYPE_PREDICATE(predicate, ...)                     \
    psa_test_check_key_type_predicate(                                  \
        tally, #predicate, psa_test_eval_##predicate,                   \
        psa_test_positives_##predicate,                                 \
        PSA_TEST_COUNT_OF(psa_test_positives_##predicate));
#include "predicates_table.inc"
#undef PSA_TEST_ALGORITHM
#undef PSA_TEST_KEY_TYPE
#undef PSA_TEST_ALG_PREDICATE
#undef PSA_TEST_KEY_TYPE_PREDICATE
}

// Checks that no two members of a corpus are equal (a duplicate would hide
// a typo in the tables).
static void psa_test_check_corpora_distinct(psa_test_tally_t *tally) {
    size_t i, j;
    for (i = 0; i < PSA_TEST_COUNT_OF(psa_test_algorithm_corpus); ++i) {
        for (j = i + 1; j < PSA_TEST_COUNT_OF(psa_test_algorithm_corpus); ++j) {
            int distinct =
                psa_test_algorithm_corpus[i] != psa_test_algorithm_corpus[j];
            if (!distinct) {
                fprintf(stderr, "FAIL: algorithm 0x%08lx is listed twice\n",
                        (unsigned long)psa_test_algorithm_corpus[i]);
            }
            psa_test_record(tally, distinct);
        }
    }
    for (i = 0; i < PSA_TEST_COUNT_OF(psa_test_key_type_corpus); ++i) {
        for (j = i + 1; j < PSA_TEST_COUNT_OF(psa_test_key_type_corpus); ++j) {
            int distinct =
                psa_test_key_type_corpus[i] != psa_test_key_type_corpus[j];
            if (!distinct) {
                fprintf(stderr, "FAIL: key type 0x%04x is listed twice\n",
                        (unsigned)psa_test_key_type_corpus[i]);
            }
            psa_test_record(tally, distinct);
        }
    }
}

// Runs every check and prints the closing line "N passed, M failed".
// Returns the process exit status: 0 if every check passed.
static int psa_test_run_conformance(const char *language) {
    psa_test_tally_t tally = {0, 0};
    psa_test_check_values(&tally);
    psa_test_check_predicates(&tally);
    psa_test_check_corpora_distinct(&tally);
    printf("PSA Crypto API 1.2 value conformance (%s)\n", language);
    printf("%lu passed, %lu failed\n", tally.passed, tally.failed);
    return tally.failed == 0 && tally.passed > 0 ? 0 : 1;
}

#endif  // TESTS_HEADERS_CONFORMANCE_CHECKS_H_
