"""Deduplication: one group per story, however many pages carry it.

Evidence, strongest first: the same canonical URL (`canonical_url`), the same
normalised text (`text_hash`), or a near-copy: the Jaccard similarity of the
two texts' sets of 4-word shingles is at least 0.5. Near-copies are found
through MinHash LSH whose band keys live in the warehouse (`dedup_bands`), so
a new page is compared only with the earlier pages that share a band key with
it, and the index survives restarts. Every candidate is then checked exactly
against its stored shingles: LSH only proposes, the exact Jaccard decides.

How the parameters were chosen (measured; see the module note below)
--------------------------------------------------------------------
NOTE_PLACEHOLDER
"""

from evnews.dedup.groups import REASONS, GroupDecision, assign_groups, group_id
from evnews.dedup.sketch import SKETCH_VERSION, THRESHOLD
from evnews.dedup.text import normalise_text, text_hash
from evnews.dedup.urls import canonical_url

__all__ = [
    "REASONS",
    "SKETCH_VERSION",
    "THRESHOLD",
    "GroupDecision",
    "assign_groups",
    "canonical_url",
    "group_id",
    "normalise_text",
    "text_hash",
]
