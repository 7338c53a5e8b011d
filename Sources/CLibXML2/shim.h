#ifndef ATTEST_CLIBXML2_SHIM_H
#define ATTEST_CLIBXML2_SHIM_H
/* Debian's libxml2 is built with ICU; its headers would pull ICU's C headers into Swift, where
   they clash with Foundation's own copy of ICU. Attest never touches the encoding handler
   structures that depend on it, so the ICU part of the headers is switched off. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#endif
