"""Running evnews unattended: deployments on a Prefect server, ad hoc triggers,
and the single-writer guard that keeps runs from interleaving their writes.

Submodules import Prefect lazily, so plain runs do not pay for it.
"""
