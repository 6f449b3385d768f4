/* registry.h: joins the actors of many documents into one actor table.
 * Each document's actors are added (an_registry_add, or an_registry_add_doc
 * for a whole an_doc_actors); an_registry_finish() then joins records that
 * are one real actor: the same id (gazetteer id or slug), or a person's
 * spelling/transliteration variants (Nakhala/Nakhalah/Nakhaleh, Ziad/Ziyad,
 * Qassem/Qasem, al-/el-, missing diacritics, small typos such as Khamneie)
 * when the evidence is enough: a close surname with a compatible given
 * name, or a surname alone that only one full name fits (else a shared
 * affiliation decides). People who share a surname stay apart unless the
 * evidence joins them; two different gazetteer ids never join.
 *
 * The result does not depend on the order of adds: final actors are sorted
 * by id, labels and aliases chosen by fixed rules. */
#ifndef AN_ACTORS_REGISTRY_H
#define AN_ACTORS_REGISTRY_H

#include <stddef.h>
#include <stdint.h>

#include "actornet/error.h"
#include "actors/actors.h"

typedef struct an_registry an_registry;

/* Owns: *out on AN_OK (an_registry_free). */
an_status an_registry_new(an_registry **out, an_error *err);
void an_registry_free(an_registry *reg);

/* Before the first add: the strings given to an_registry_add (doc, id,
 * label, key, aliases) are kept, not copied; the caller keeps them alive
 * and unchanged until an_registry_free, and final aliases and docs point
 * at them. For large joins (src/graph: one record per actor and document). */
void an_registry_borrow_strings(an_registry *reg);

/* Adds one document's actor. id and label are required; country, key and
 * aliases may be NULL. *index (if not NULL) gets the record's index, to map
 * back with an_registry_canonical() after finishing. Strings are copied. */
an_status an_registry_add(an_registry *reg, const char *doc_id, const char *id, const char *label,
                          an_actor_kind kind, const char *country, const char *key,
                          const char *const *aliases, size_t n_aliases, uint32_t mentions,
                          size_t *index, an_error *err);

/* One record for an actor seen with the same content (every argument but
 * the document and the mentions) in n_docs >= 1 documents: joins, labels,
 * ids and docs come out as if each document had added its own record
 * (mentions being the sum over them) provided that (a) no other record has
 * the same kind, id and label with other content, and (b) the record is not
 * a person named by a surname alone (an_registry_bare_name), whose
 * sightings the join may place apart. src/graph adds one record per actor
 * content instead of one per (document, actor): millions fewer records.
 * Strings are copied (borrowed with an_registry_borrow_strings). */
an_status an_registry_add_sightings(an_registry *reg, const char *const *doc_ids, size_t n_docs, const char *id,
                                    const char *label, an_actor_kind kind, const char *country, const char *key,
                                    const char *const *aliases, size_t n_aliases, uint64_t mentions,
                                    size_t *index, an_error *err);
/* Whether a person with this label and key has no given name (the join
 * treats such records one by one). */
int an_registry_bare_name(const char *label, const char *key);

/* An affiliation between two added records (indexes from an_registry_add),
 * stated by the person record's document. */
an_status an_registry_add_affiliation(an_registry *reg, size_t person, size_t org, const char *role,
                                      an_error *err);
/* The same, stated by document doc (NULL: the person record's); needed
 * when the person record stands for several documents. doc is copied like
 * the other strings (borrowed with an_registry_borrow_strings). */
an_status an_registry_add_affiliation_in(an_registry *reg, size_t person, size_t org, const char *role,
                                         const char *doc, an_error *err);

/* Adds every actor and affiliation of a document; first_index (if not NULL)
 * gets the index of its first actor (the others follow in order). */
an_status an_registry_add_doc(an_registry *reg, const char *doc_id, const an_doc_actors *da,
                              size_t *first_index, an_error *err);

/* Joins records into final actors. Call once, after the last add. */
an_status an_registry_finish(an_registry *reg, an_error *err);

/* After finish: number of final actors, and the final actor of a record. */
size_t an_registry_count(const an_registry *reg);
size_t an_registry_canonical(const an_registry *reg, size_t index);

/* Final actor i's fields. Borrows: valid while reg lives. */
const char *an_registry_id(const an_registry *reg, size_t i);
const char *an_registry_label(const an_registry *reg, size_t i);
an_actor_kind an_registry_kind(const an_registry *reg, size_t i);
const char *an_registry_country(const an_registry *reg, size_t i); /* "" if none */
const char *const *an_registry_aliases(const an_registry *reg, size_t i, size_t *n);
uint64_t an_registry_mentions(const an_registry *reg, size_t i);
/* Documents the actor appears in, sorted. Borrows. */
const char *const *an_registry_docs(const an_registry *reg, size_t i, size_t *n);

/* Final affiliations, deduplicated, sorted by (person id, org id, role). */
typedef struct an_reg_affiliation {
  size_t person, org; /* final actor indexes */
  const char *role;
  size_t docs;        /* documents that state it */
} an_reg_affiliation;
size_t an_registry_n_affiliations(const an_registry *reg);
/* Borrows. */
const an_reg_affiliation *an_registry_affiliation(const an_registry *reg, size_t k);

/* Transliteration skeleton of one folded word ("nakhaleh" -> "nkl"), for
 * tests. Returns its length. */
size_t an_name_skeleton(const char *word, char *out, size_t cap);
/* Optimal-string-alignment edit distance of two short strings (capped). */
int an_name_distance(const char *a, const char *b);

#endif
