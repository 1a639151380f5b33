"""A ``contrib.distributions`` distribution's ``name`` as the selected TF 1.x version gave it.

- TF 1.3.0 / 1.4.1: the ``name`` argument as given (``Normal(0., 1.).name`` is ``"Normal"`` for every
  instance; ``name="copied/Normal/"`` stays ``"copied/Normal/"``);
- TF 1.15.5: the unique name scope the constructor opened (``"Normal/"``, ``"Normal_1/"``,
  ``"outer/Normal/"``; a name ending in "/" is that scope itself).
(Read from the three oracles.) TFP gives the leaf of that scope (``"Normal"``, ``"Normal_1"``). Era code
finds distributions by name: Edward 1.3's ``ed.copy`` looks a random variable's copy up as
``"copied/" + rv.name`` among the graph's random variables, which only matches with TF 1.4's names (with
TFP's, a second copy of the same variable is made and samples apart). TFP's own method scopes work with
either form (a name ending in "/" is reused as the constructor's scope), and ops keep TFP's names.
"""
def tf1_name(distribution):
    """``distribution.name`` as TF ``settings.current("tf1_version")``'s contrib.distributions gave it: the
    ``name`` argument (kept in ``parameters``) for 1.3/1.4, the constructor's name scope for 1.15."""
    from ..settings import current

    tfp_name = distribution.__dict__.get("_name")
    if tfp_name is None:  # not constructed yet
        return None
    if current("tf1_version") in ("1.3", "1.4"):
        given = distribution.parameters.get("name")
        return given if isinstance(given, str) and given else tfp_name
    return distribution.__dict__.get("_constructor_name_scope") or tfp_name


def install(distribution_class):
    """``distribution_class.name`` answers ``tf1_name`` (idempotent)."""
    if getattr(distribution_class.name, "fget", None) is tf1_name:
        return
    distribution_class.name = property(tf1_name, doc=distribution_class.name.__doc__)
