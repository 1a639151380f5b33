"""Graphs as TF 1.x built them: the op-seed rule, op structures, op types and attributes, names.

- ``seed_rule``: TF 1.x's op-seed rule (an unseeded op's seed is the graph's op count);
- ``op_structure``: functions rebuilt with TF 1.x's ops; ``op_tables/`` what real TF 1.x built;
- ``op_types``, ``op_attrs``: TF 1.x's op types and attributes in graphs the runtime writes;
- ``names``: TF 1.x's unique-name rules; ``interchange``: written graphs that load in TF 1.x.
"""
