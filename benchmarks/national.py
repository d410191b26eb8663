"""Benchmark: the national run, ``planforge derive`` for every commune, ward and special zone.

Run: ``python benchmarks/national.py [--jobs N] [--limit N]``.  A profile of all
3,321 communes, wards and special zones of the 34 provinces since 1 July 2025 is
made on the fly from the ``vietnam_provinces`` package (its rules are those of the
bundled Lâm Đồng communes profile, the plan derived is Lâm Đồng's 7851: the run
measures throughput, not the fitness of one plan for the whole country) in a
temporary folder; then ``planforge derive`` writes what it writes for a real
derivation: each unit's plan file, draft (.docx), review table (.docx) and
tracked-changes copy (-thay-doi.docx), then the summary of all units
(tong-hop.xlsx and .json).  It prints the wall time and the CPU time (this process
and its workers: on a machine shared with other work, the CPU time is the fairer
figure), the load average before and after, the rate and the peak memory: this
process's (the parent's) and the largest worker's, whose sum with one worker per
job bounds what the run held at once.  ``--limit N`` takes the first N units.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

from vietnam_provinces import Province, Ward

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from planforge.batch import default_jobs  # noqa: E402
from planforge.cli import main as planforge  # noqa: E402

PLAN = ROOT / "examples" / "lam-dong-2021" / "ke-hoach-7851.yaml"
RULES = ROOT / "examples" / "lam-dong-2021" / "profile-2025-communes.yaml"

UNIT = """\
  - name: Ủy ban nhân dân {name}, {province}
    short_name: {name}
    slug: {slug}
    kind: {kind}
    place: {place}
    level: commune
    archive: VT, VHXH
    signature:
      authority: [TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH]
      title: Phó Chủ tịch
      name: Nguyễn Văn An
"""


def national_profile(folder: Path, limit: int | None = None) -> tuple[Path, int]:
    """Write the profile of every commune-level unit (or the first ``limit``) into ``folder``.

    Names repeat across provinces (many a "xã Tân Phú"): a unit's full name adds its
    province, its files are named after its code.
    """
    rules = RULES.read_text(encoding="utf-8").split("\nunits:\n")[0]
    provinces = {province.code: province.name for province in Province.iter_all()}
    wards = sorted(Ward.iter_all(), key=lambda ward: (ward.province_code, ward.code))
    wards = wards[:limit] if limit else wards
    units = []
    for ward in wards:
        kind = ward.division_type.value
        place = ward.name[len(kind) :].strip() if ward.name.lower().startswith(kind) else ward.name
        short = f"{kind} {place}"
        province = provinces[ward.province_code]
        units.append(
            UNIT.format(
                name=short,
                province=province[:1].lower() + province[1:],
                slug=f"{ward.codename.replace('_', '-')}-{int(ward.code)}",
                kind=kind,
                place=place,
            )
        )
    profile = folder / "profile-ca-nuoc.yaml"
    header = rules.replace("name: Lâm Đồng 2025 — cấp xã", "name: Cả nước 2025 — cấp xã")
    profile.write_text(f"{header}\nunits:\n{''.join(units)}", encoding="utf-8")
    return profile, len(wards)


def _megabytes(usage: resource.struct_rusage) -> float:
    scale = 1024 if sys.platform != "darwin" else 1  # Linux gives KiB, macOS bytes
    return usage.ru_maxrss * scale / 2**20


def main() -> None:
    """Derive for every unit into a temporary folder and print the figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobs", type=int, default=default_jobs())
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        profile, count = national_profile(folder, args.limit)
        out = folder / "out"
        command = ["derive", str(PLAN), "--profile", str(profile), "-o", str(out)]
        progress = io.StringIO()
        load_before = os.getloadavg()
        start, cpu_start = time.perf_counter(), _cpu_seconds()
        with contextlib.redirect_stderr(progress), contextlib.redirect_stdout(io.StringIO()):
            status = planforge([*command, "--jobs", str(args.jobs), "--force"])
        wall, cpu = time.perf_counter() - start, _cpu_seconds() - cpu_start
        load_after = os.getloadavg()
        if status != 0:
            sys.exit(f"derive failed ({status}): {progress.getvalue()[-2000:]}")
        documents = len(list(out.glob("*.docx")))
        summary = sorted(path.name for path in out.glob("tong-hop.*"))
    parent = _megabytes(resource.getrusage(resource.RUSAGE_SELF))
    worker = _megabytes(resource.getrusage(resource.RUSAGE_CHILDREN))
    print(f"units                   : {count} ({documents} documents: draft, review, tracked copy)")
    print(f"summary                 : {', '.join(summary)}")
    print(f"workers (--jobs)        : {args.jobs}")
    print(f"load average            : {load_before[0]:.1f} before, {load_after[0]:.1f} after")
    print(f"wall time               : {wall:8.1f} s (target < 60 s)")
    print(f"CPU time, all processes : {cpu:8.1f} s ({1000 * cpu / count:.0f} ms a unit)")
    print(f"rate                    : {count / wall:8.1f} units/s, {documents / wall:.1f} docs/s")
    print(f"peak memory, parent     : {parent:8.0f} MB")
    print(f"peak memory, one worker : {worker:8.0f} MB (the largest)")
    total = parent + args.jobs * worker
    print(f"peak memory, all (bound): {total:8.0f} MB (parent + jobs x worker; target < 1024)")


def _cpu_seconds() -> float:
    """User and system time of this process and of its workers waited for."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return sum(u.ru_utime + u.ru_stime for u in (own, children))


if __name__ == "__main__":
    main()
