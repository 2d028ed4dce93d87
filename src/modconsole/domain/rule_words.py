"""A recurrence rule in words a lead reads at a glance ("每周一、三，共 8 次"), in Chinese or
English. Rules the words do not cover (BYSETPOS, week numbers…) come back as None and
the caller shows the rule itself."""

from __future__ import annotations

DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_ZH_DAYS = "一二三四五六日"
_EN_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_ZH_ORDINAL = {1: "第一个", 2: "第二个", 3: "第三个", 4: "第四个", 5: "第五个", -1: "最后一个",
               -2: "倒数第二个"}
_EN_ORDINAL = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", -1: "last",
               -2: "second to last"}
_EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
              "Dec")
_KNOWN = {"FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "BYMONTH", "COUNT", "UNTIL", "WKST"}


def _parts(rule: str) -> dict[str, str] | None:
    parts = {}
    for item in rule.upper().removeprefix("RRULE:").split(";"):
        key, sep, value = item.partition("=")
        if not sep:
            return None
        parts[key] = value
    return parts if set(parts) <= _KNOWN and "FREQ" in parts else None


def _days(value: str) -> list[tuple[int | None, int]] | None:
    """BYDAY items as (ordinal or None, weekday index)."""
    out = []
    for item in value.split(","):
        day, number = item[-2:], item[:-2]
        if day not in DAYS or (number and not number.lstrip("+-").isdigit()):
            return None
        out.append((int(number) if number else None, DAYS.index(day)))
    return out


def _th(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}" if n > 0 else ("last day" if n == -1 else f"{-n}{suffix} from last")


def describe_rule(rule: str | None, lang: str) -> str | None:
    """Words for `rule` in "zh_CN" or "en"; "" for no rule; None when words would not do."""
    if not rule:
        return ""
    parts = _parts(rule)
    if parts is None:
        return None
    try:
        interval = int(parts.get("INTERVAL", "1"))
        days = _days(parts["BYDAY"]) if "BYDAY" in parts else []
        monthdays = [int(d) for d in parts["BYMONTHDAY"].split(",")] \
            if "BYMONTHDAY" in parts else []
        months = [int(m) for m in parts["BYMONTH"].split(",")] if "BYMONTH" in parts else []
        count = int(parts["COUNT"]) if "COUNT" in parts else None
    except ValueError:
        return None
    if days is None or any(not 1 <= m <= 12 for m in months):
        return None
    until = parts.get("UNTIL", "")
    until = f"{until[:4]}-{until[4:6]}-{until[6:8]}" if len(until) >= 8 else ""
    words = (_zh if lang == "zh_CN" else _en)(parts["FREQ"], interval, days, monthdays, months)
    if words is None:
        return None
    if lang == "zh_CN":
        return words + (f"，共 {count} 次" if count else "") + (f"，到 {until} 为止"
                                                                  if until else "")
    return words + (f", {count} times" if count else "") + (f", until {until}" if until else "")


def _zh(freq, interval, days, monthdays, months) -> str | None:
    every = "每" if interval == 1 else f"每 {interval} "
    if freq == "DAILY" and not (days or monthdays or months):
        return "每天" if interval == 1 else f"每 {interval} 天"
    if freq == "WEEKLY" and not (monthdays or months) and all(n is None for n, _ in days):
        unit = "每周" if interval == 1 else f"每 {interval} 周的周"
        return unit + "、".join(_ZH_DAYS[d] for _, d in days) if days else \
            ("每周" if interval == 1 else f"每 {interval} 周")
    if freq == "MONTHLY" and not months:
        unit = every + "个月" if interval > 1 else "每月"
        if monthdays and not days:
            return unit + "、".join(f"{d}日" if d > 0 else ("最后一天" if d == -1 else
                                                           f"倒数第{-d}天") for d in monthdays)
        if days and not monthdays and all(n in _ZH_ORDINAL for n, _ in days):
            return unit + "、".join(f"{_ZH_ORDINAL[n]}周{_ZH_DAYS[d]}" for n, d in days)
        return unit if not (days or monthdays) else None
    if freq == "YEARLY" and not days:
        unit = "每年" if interval == 1 else f"每 {interval} 年"
        if months and monthdays:
            return unit + "、".join(f"{m}月{d}日" for m in months for d in monthdays)
        return unit if not (months or monthdays) else None
    return None


def _en(freq, interval, days, monthdays, months) -> str | None:
    if freq == "DAILY" and not (days or monthdays or months):
        return "every day" if interval == 1 else f"every {interval} days"
    if freq == "WEEKLY" and not (monthdays or months) and all(n is None for n, _ in days):
        unit = "every week" if interval == 1 else f"every {interval} weeks"
        return unit + (" on " + ", ".join(_EN_DAYS[d] for _, d in days) if days else "")
    if freq == "MONTHLY" and not months:
        unit = "every month" if interval == 1 else f"every {interval} months"
        if monthdays and not days:
            return unit + " on the " + ", ".join(_th(d) for d in monthdays)
        if days and not monthdays and all(n in _EN_ORDINAL for n, _ in days):
            return unit + " on the " + ", ".join(f"{_EN_ORDINAL[n]} {_EN_DAYS[d]}"
                                                  for n, d in days)
        return unit if not (days or monthdays) else None
    if freq == "YEARLY" and not days:
        unit = "every year" if interval == 1 else f"every {interval} years"
        if months and monthdays:
            return unit + " on " + ", ".join(f"{d} {_EN_MONTHS[m - 1]}" for m in months
                                             for d in monthdays)
        return unit if not (months or monthdays) else None
    return None
