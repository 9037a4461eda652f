"""Support schemes' rules as plain data: which version is in force on a day, each item's cap for a person, and a
claim's verdicts rule by rule. No database and no Flask: the services pass the facts in and put the verdicts into words.

A version (from reference data or an administrator): {valid_from: date, categories: [priority category],
programmes: [programme code] (empty: any), items: [{code, cap_vnd | None, cap_by_category: {"a" | "a+b": vnd},
per: course | day | month | document, once_per: case | person | None, from_stage: stage code | None, pays, unconfirmed}],
conditions: ["working_age", "employment_commitment"] (optional: the person's own conditions, e.g. Circular 152/2016's)}.
"""
from dataclasses import dataclass, field

# Items paid per day or per month are claimed for a number of days or months; the others one at a time.
COUNTED_UNITS = ("day", "month")
MAX_QUANTITY = {"day": 366, "month": 24}
# What shows that training leads to work (Circular 152/2016/TT-BTC): a self-employment plan certified by the commune, or
# an employer's commitment to hire.
COMMITMENTS = ("self_employment_plan", "employer_commitment")


def version_on(versions, day):
    """The version in force on a day: the last whose valid_from is on or before it; None before the first."""
    in_force = [version for version in sorted(versions, key=lambda version: version["valid_from"]) if version["valid_from"] <= day]
    return in_force[-1] if in_force else None


def item_of(version, code):
    return next((item for item in version["items"] if item["code"] == code), None)


def item_cap(item, categories):
    """The cap of one unit of an item for a person in these priority categories: the highest cap of a category (or a
    combination "a+b") they all hold, else the item's own; None when the scheme pays the fee as charged."""
    caps = [cap for key, cap in (item.get("cap_by_category") or {}).items() if set(key.split("+")) <= set(categories)]
    if item.get("cap_vnd") is None and not caps:
        return None
    return max(caps + ([item["cap_vnd"]] if item.get("cap_vnd") is not None else []))


@dataclass(frozen=True)
class Verdict:
    rule: str  # in_force, programme, category, working_age, commitment, stage, quantity, cap, once
    field: str  # the claim's field the rule is about
    passed: bool
    params: dict = field(default_factory=dict)


@dataclass
class ClaimFacts:
    """What the service knows of a claim: its item, amount and units, the person's priority categories in force on the
    claim's day, the case's programme, the stages it had reached by then (codes), and the items already claimed for this
    case and for this person under the same scheme (codes, refused claims left out)."""

    item: str
    amount_vnd: int
    quantity: int = 1
    categories: tuple = ()
    programme: str | None = None
    stages_reached: tuple = ()
    claimed_for_case: tuple = ()
    claimed_for_person: tuple = ()
    working_age: bool | None = None  # None: no birth date held
    commitment: str | None = None


def judge_claim(version, facts):
    """Each rule's verdict for a claim under a version (None: no version in force), in the order a person checks them;
    the first failed verdict is the refusal."""
    if version is None:
        return [Verdict("in_force", "claimed_on", False)]
    item = item_of(version, facts.item)
    if item is None:
        return [Verdict("item", "item", False, {"item": facts.item})]
    verdicts = [Verdict("in_force", "claimed_on", True, {"valid_from": version["valid_from"]})]
    if version.get("programmes"):
        verdicts.append(Verdict("programme", "case", facts.programme in version["programmes"],
                                {"programmes": tuple(version["programmes"])}))
    held = sorted(set(facts.categories) & set(version["categories"]))
    verdicts.append(Verdict("category", "job_seeker", bool(held), {"held": tuple(held)}))
    conditions = version.get("conditions") or ()
    if "working_age" in conditions:
        verdicts.append(Verdict("working_age", "job_seeker", facts.working_age is True, {"known": facts.working_age is not None}))
    if "employment_commitment" in conditions:
        verdicts.append(Verdict("commitment", "commitment", facts.commitment in COMMITMENTS))
    if item.get("from_stage"):
        verdicts.append(Verdict("stage", "item", item["from_stage"] in facts.stages_reached, {"stage": item["from_stage"]}))
    counted = item["per"] in COUNTED_UNITS
    quantity_ok = 1 <= facts.quantity <= MAX_QUANTITY[item["per"]] if counted else facts.quantity == 1
    verdicts.append(Verdict("quantity", "quantity", quantity_ok, {"per": item["per"]}))
    cap = item_cap(item, facts.categories)
    if cap is not None:
        total = cap * facts.quantity
        verdicts.append(Verdict("cap", "amount_vnd", 0 < facts.amount_vnd <= total, {"cap": total}))
    else:
        verdicts.append(Verdict("cap", "amount_vnd", facts.amount_vnd > 0, {"cap": None}))
    if item.get("once_per"):
        earlier = facts.claimed_for_case if item["once_per"] == "case" else facts.claimed_for_person
        verdicts.append(Verdict("once", "item", facts.item not in earlier, {"once_per": item["once_per"]}))
    return verdicts


def refusal(verdicts):
    """The first failed verdict, or None when the claim meets every rule."""
    return next((verdict for verdict in verdicts if not verdict.passed), None)
