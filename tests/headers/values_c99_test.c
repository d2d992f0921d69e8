// PSA Crypto API 1.2 value conformance, compiled as C99: every constant,
// constructor and classification macro against the values of the
// specification (values_table.inc, predicates_table.inc).

#include "conformance_checks.h"

int main(void) { return psa_test_run_conformance("C99"); }
