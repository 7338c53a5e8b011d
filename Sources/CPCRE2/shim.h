#ifndef ATTEST_CPCRE2_SHIM_H
#define ATTEST_CPCRE2_SHIM_H
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

/* Constants that do not import into Swift as macros. */
static const size_t attest_pcre2_zero_terminated = PCRE2_ZERO_TERMINATED;
static const size_t attest_pcre2_unset = PCRE2_UNSET;
#endif
