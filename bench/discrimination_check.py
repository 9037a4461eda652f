"""Benchmark of the discrimination check on job titles and requirements as Vietnamese job boards print them.

Run from the repository root with the project's venv:

    .venv/bin/python bench/discrimination_check.py [--misses]

The labelled lines (bench/data/discrimination_cases.tsv) were written for this benchmark before the check's word lists
(jobmatch/rules/discrimination.py), to look like real postings: capitals, brackets, underscores and dashes, text typed
without diacritics, English; half discriminate (by sex, age, appearance, marital status, pregnancy, ethnicity,
religion, disability or HIV status), half are lawful and easily mistaken for it ("nam nữ đều được", "miền Nam",
"Nhân viên nam châm", "Nữ hộ sinh", "chế độ thai sản", "ưu tiên người dân tộc thiểu số", "đủ 18 tuổi"). The check never
reads that file. Each line is checked alone, with no overseas programme (so no programme's age range applies).

The rule was then tuned against the misses of this set (its first version: precision 1.000, recall 0.973), so the
RESULT line is in-sample. bench/data/discrimination_heldout.tsv (264 lines, same style) is never tuned on: its first 64
lines were written after that tuning; 200 lines (100 D, 100 L) written 05/12/2026 by an engineer who had not read the
check were added to it. Its figures, printed on the HELD-OUT line, were the honest estimate until the check was
generalized against its misses (05/12/2026: precision 0.937 recall 0.902 before, 1.000 and 1.000 after); since then
they are in-sample too. bench/data/discrimination_heldout_2.tsv (240 lines: 120 D, 120 L, same style) was written
05/12/2026 by engineer h19e, who never read the check nor its tests and did not run it. It was the honest estimate
(precision 0.836 recall 0.767 before a first generalization, 0.936 and 0.850 after it) until, on 05/12/2026, the check
was generalized again against its misses, by family (other wordings, no diacritics, capitals, punctuation, numbers and
signs such as "18-45t", "≤ 35 tuổi", "9x", "1 mét 6"; and false alarms' families: names, places, products, clients'
ages, benefits and rights of women workers), each family unit-tested in tests/rules/test_discrimination_families.py
with sentences of its own: 0.936 and 0.850 before, 1.000 and 1.000 after. Since then HELD-OUT-2 is in-sample too.
bench/data/discrimination_heldout_3.tsv (300 lines: 150 D, 150 L, adding the grounds of national or social origin and
trade union activity), written 05/12/2026 by engineer h19w, who had not read the check, was the honest estimate
(precision 0.952 recall 0.920) until, on 05/12/2026, the check was generalized against its misses by family: origin
(hometown, region, household registration in a named place, whose children) and union as grounds of their own; refusals
written after the people ("… vui lòng không ứng tuyển", "need not apply"); chat short forms ("ko nhận", "kg tuyển");
"nam"/"nữ" across an underscore or starting a phrase in capitals; and false alarms' families (herbal "thuốc nam", looks
as a service to clients, uniforms by sex, ages of employees' families and of an advertisement's audience, "nhận cả ứng
viên nam", "không yêu cầu …"), each unit-tested in tests/rules/test_discrimination_origin_and_refusals.py: 0.952 and
0.920 before, 1.000 and 0.993 after (its one miss, "Tuyển anh em phụ hồ", is left: "anh em" is also said of a mixed
crew, as "anh chị em" is). Since then HELD-OUT-3 is in-sample too. bench/data/discrimination_heldout_4.tsv (300 lines:
150 D, 150 L), written 05/12/2026 by an engineer who had not read the check, was the honest estimate (precision 0.986
recall 0.933) until, on 05/12/2026, the check was generalized against its misses by family: an HIV test in the health
check before hiring; a marital status alone as a listed requirement ("Single,", "Status: married", "ưu tiên FA"); one
sex named by a noun ("các bạn gái", "con trai") after a hiring word or alone in a list; retired people refused; glasses,
teeth and scars as looks; a pregnancy ending the contract; a defect of the limbs ("không bị tật ở tay chân"); "(nữ)"
after a hotel's stars (a bracket now ends a place's name); and false alarms' families ("kim chỉ nam"; an overseas
programme's age range said to be the programme's or the law's rule, checked with no programme), each unit-tested in
tests/rules/test_discrimination_health_looks_and_lists.py: 0.986 and 0.933 before, 1.000 and 1.000 after. Since then
HELD-OUT-4 is in-sample too. bench/data/discrimination_heldout_5.tsv (300 lines: 150 D, 150 L), written 05/12/2026 by an
engineer who had not read the check, was the honest estimate (precision 0.930 recall 0.973) until, on 05/12/2026, the
check was generalized against its misses and false alarms by family: goods, care products and clothes for one sex with a
kind of goods between ("thời trang công sở nữ", "sữa rửa mặt nam"); rooms and dormitories by sex ("KTX nữ"); people the
work serves or answers to ("hội viên nữ", "sếp nữ"; "học sinh nữ" only after a word of serving: "dạy", "cho", "với");
andrology ("khoa Nam học"); the other sex welcomed or encouraged ("nhận cả thợ nữ", "khuyến khích lao động nữ ứng
tuyển"); "nam nữ" never paired across a bracket, so "thời trang nữ (nam nữ đều được)" reads the lone "nữ" alone (goods);
the ages of a product's or a service's people ("thực phẩm chức năng cho người 45-60 tuổi"); and misses' families: the
body asked intact ("tứ chi lành lặn", "đủ tay chân"), "em gái"/"em trai" just after a hiring word ("cần 2 em gái", not
"cần người đón em gái"), chat short forms "gđ", "ck", "vk" of marital status, "bán hàng (18-28t)" (a lorry's tonnes only
after "xe hàng", "chở hàng"), each unit-tested with sentences of its own in
tests/rules/test_discrimination_clients_and_welcomes.py: 0.930 and 0.973 before, 1.000 and 1.000 after. Since then
HELD-OUT-5 is in-sample too. bench/data/discrimination_heldout_6.tsv (300 lines: 150 D, 150 L), written 05/12/2026 by
engineer h19w4, who had not read the check, was the honest estimate (precision 0.948 recall 0.973) until, on 05/12/2026,
engineer h19t tuned the check on it, generalizing its misses and false alarms by family: both sexes named side by side
with their noun said again ("phòng nam và phòng nữ", "chị em và anh em"), dress and grooming codes by sex, an
advertisement's target customers, goods and services for one sex, workforce counts and shares, the law quoted, rights
and benefits said later in the clause, people served or cared for, a site's south gate ("cổng Nam"), lists after
"không phân biệt" / "không yêu cầu" and a ground waived ("…: không yêu cầu"); and misses' families: crews of one sex
("anh em nam"), polite refusals of older people, English bounds alone ("under 25"), "(18–40t)" after any job, two-digit
birth years ("SN 95-03"), a bound refused with "tuổi" left out ("Trên 40 xin đừng inbox"). Each family is unit-tested
with sentences of its own in tests/rules/test_discrimination_facilities_and_lists.py: 0.948 and 0.973 before, 1.000 and
1.000 after. Since then HELD-OUT-6 is in-sample too. bench/data/discrimination_heldout_7.tsv (400 lines: 200 D, 200 L),
written 05/12/2026 by engineer h19w7, who had not read the check, was the honest estimate (precision 0.974 recall 0.935,
its first run, on main 7b79a57) until, on 05/12/2026, engineer h19t2 tuned the check on it, generalizing by family: people
of any ground refused before them or a few words after them, in their own clause ("… không phù hợp (với/cho) …", "… vui
lòng không ứng tuyển", "need not apply", "will not be considered", "We do not hire …", "Not accepting applicants from
…"), the ethnic groups named as the product's reference list of 54 names them ("người H'Mông, Dao"), wheelchair users,
union officers ("cán bộ công đoàn"), family duties ("con nhỏ", "chăm sóc cha mẹ già"), regions in English ("the central
provinces"); preferences by the word one calls a man or a woman ("Ưu tiên các anh"); a sex after a job title naming a
language ("giáo viên tiếng Anh nữ"); and false alarms' families: refusals said not to be made ("không từ chối", "does
not exclude"), "nữ công (gia chánh)" as a subject. Each family is unit-tested with sentences of its own in
tests/rules/test_discrimination_refusals_and_hazardous_work.py: 0.974 and 0.935 before, 0.985 and 1.000 after. Three of
HELD-OUT-7's lawful lines ask for men in underground mining ("Tuyển nam thợ lò … hầm lò"), labelled lawful because the
lead's brief to its writer said the law bars women from that work. It does not: the Labour Code 2019 (Art. 142) and
Circular 10/2020/TT-BLĐTBXH list such work as harmful to women and ask the employer to tell them of the risks, leaving
the choice to them. The check refuses those lines, so they stay as HELD-OUT-7's three false alarms, with the labels as
written. Since then HELD-OUT-7 is in-sample too. bench/data/discrimination_heldout_8.tsv (400 lines: 200 D, 200 L),
written 05/12/2026 by an engineer who had not read the check, was the honest estimate (precision 0.974 recall 0.945, its
first run, on main 9b9d085) until, on 05/12/2026, engineer h19t3 tuned the check on it, generalizing by family: one sex
asked and the other refused in the same breath is not both welcome ("Chỉ tuyển nam, nữ vui lòng không nộp hồ sơ"); a
sex right after a job title in capitals or typed without diacritics ("NAM KỸ THUẬT VIÊN" is no "Nam Kỳ", "giao hang nam"
no "hàng năm"); ages refused ("không phù hợp người lớn tuổi", "ai trên 30 thì thôi", "khỏi inbox", "không nhận người
ngoài 50", even after "cho gia đình"); a state after childbirth ("đang ở cữ", "hậu sản", "vừa sinh con", "new mothers");
a rural or urban upbringing ("xuất thân từ nông thôn"); the Kinh or Hoa preferred ("Ưu tiên người Hoa"; a preference for
ethnic minorities stays lawful); an HIV test demanded in English ("Must provide a negative HIV test result"); non-religious
people only; and false alarms' families: a ground said not to count ("… không ảnh hưởng đến kết quả tuyển dụng", "… are
not considered in hiring"), either welcome ("đã lập gia đình hay độc thân đều được"), people of an age still welcome
("… vẫn được khuyến khích ứng tuyển"), an overseas traineeship's age range set by its receiving organization ("theo yêu
cầu của nghiệp đoàn"), what an employer says it never asks ("We never ask for HIV test results"). Each family is
unit-tested with sentences of its own in tests/rules/test_discrimination_births_origins_and_waivers.py: 0.974 and 0.945
before, 1.000 and 1.000 after. Since then HELD-OUT-8 is in-sample too.

HELD-OUT-9 (400 lines, 200 D and 200 L, written blind) scored precision 0.956, recall 0.980 the first time it ran, on
main 909887e: nine false alarms and four misses. h19t4 then tuned on it, by family, favouring precision. False alarms'
families: a ground the employer says it does not ask or care about ("Không quan tâm đã có gia đình hay chưa", "không hỏi
về tôn giáo, …", "We do not ask about marital status"); any group encouraged to apply ("Applications from women, ethnic
minorities and people with disabilities are encouraged"); a facility or benefit for employees of a faith ("bếp ăn chay
cho nhân viên theo đạo Phật"); goods for one sex ("mỹ phẩm dành cho phụ nữ"); "năm" typed "nam" per year ("1 lan/nam",
"120tr/nam"); an overseas programme's age range set by the receiving side ("theo quy định của địa phương tiếp nhận", "as
required by the Australian government"). Misses' families: a sex after a colon typed without diacritics, the years
after it ("Bep chinh: nam, 3 nam kinh nghiem"); people refused by a region ("người Nghệ Tĩnh", "người Trung"); by a past
in union activity ("từng tham gia hoạt động công đoàn"); by a family's wealth or poverty ("con em gia đình khá giả",
"không nhận con nhà nghèo"). Each family is unit-tested with sentences of its own in
tests/rules/test_discrimination_asked_encouraged_and_classes.py: 0.956 and 0.980 before, 1.000 and 1.000 after. Since
then HELD-OUT-9 is in-sample too.

HELD-OUT-10 (400 lines, 200 D and 200 L, written blind) scored precision 0.960, recall 0.950 the first time it ran, on
main a3f76f7: eight false alarms and ten misses. h19t5 then tuned on it, favouring precision. Its false alarms were one
class, "a ground named, nobody restricted", so the check now reads clause by clause (jobmatch/rules/
discrimination_neutral.py): a finding in a clause (between commas, semicolons or sentence ends) that holds a neutralizing
act ("không phân biệt", "không bị loại", "không bắt buộc", "không ảnh hưởng", "không phải là rào cản", "được thông báo /
thông tin / tư vấn / hưởng", "chào đón", "khuyến khích", "welcome", "encourage", "do not discriminate", "is not a
barrier") and no restricting act once that act is set aside ("chỉ", "only", "ưu tiên", "prefer", "không nhận", "loại",
"must", "yêu cầu", "dưới"/"under" …) is passed over, and the rest of the text read again; an overseas programme said as
the subject of its age rule ("Chương trình EPS … quy định người lao động từ 18 đến 39 tuổi"); "nam cuoi", "SV nam 3"
typed without diacritics as a year of study. Misses' families: a region of origin in English ("from the North only",
"Northerners preferred"); "ưu tiên dưới 30" with no "tuổi"; a domestic helper's age ("giúp việc gia đình dưới 50 tuổi"
is not the family's); one sex in brackets closing a job title ("Thu ngân (Nữ) – ca xoay"; not goods, rooms, both sexes);
sensory disabilities listed and refused ("khiếm thị, khiếm thính xin miễn liên hệ"); "No disabled applicants"; rural
"con em gia đình nông thôn" refused; plans to have a child ("có kế hoạch sinh con … không phù hợp"); a religion's
followers preferred ("Phật tử sẽ được ưu tiên"); a count of men typed without diacritics before a trade ("Tuyen gap 3 nam
phu ho"). Each family is unit-tested with sentences of its own in tests/rules/test_discrimination_named_not_restricted.py
and tests/rules/test_discrimination_regions_plans_and_brackets.py: 0.960 and 0.950 before, 1.000 and 1.000 after. Since
then HELD-OUT-10 is in-sample too.

Every held-out set is read by a glob of bench/data/discrimination_heldout*.tsv, in number order (HELD-OUT, HELD-OUT-2, …
HELD-OUT-n), one line each, so a set dropped in later is read with no change here. The NEWEST set, run before anything is
tuned on it, is the honest estimate; the older ones are in-sample and show that nothing learnt was lost.

A line labelled D counts as found when the check finds anything in it (its ground is printed per ground, not required
to match); a line labelled L counts as a false alarm when it finds anything. Precision: found D lines over all lines
with a finding; recall: found D lines over D lines. The last line is

    RESULT precision=<x> recall=<x> cases=<n>

Goals (issue 19): precision ≥ 0.97, recall ≥ 0.95.
"""
import argparse
import csv
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from jobmatch.rules.discrimination import find_discrimination  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"
CASES = DATA / "discrimination_cases.tsv"
_HELD_OUT_NAME = re.compile(r"discrimination_heldout(?:_(\d+))?\.tsv")


def cases(path=CASES):
    with path.open(encoding="utf-8") as lines:
        for row in csv.reader((line for line in lines if not line.startswith("#")), delimiter="\t"):
            if len(row) == 3:
                yield row


def measure(path):
    """(found per ground, labelled per ground, false alarms, misses, lawful lines) over one labelled file."""
    found = Counter()
    wanted = Counter()
    false_alarms, misses, lawful = [], [], 0
    for label, ground, text in cases(path):
        finding = find_discrimination(text)
        if label == "D":
            wanted[ground] += 1
            if finding:
                found[ground] += 1
            else:
                misses.append((ground, text))
        else:
            lawful += 1
            if finding:
                false_alarms.append((finding.ground, finding.quote, text))
    return found, wanted, false_alarms, misses, lawful


def scores(found, wanted, false_alarms):
    true_positives = sum(found.values())
    flagged = true_positives + len(false_alarms)
    return (true_positives / flagged if flagged else 0.0), (true_positives / sum(wanted.values()) if wanted else 0.0)


def held_out_sets(folder=DATA):
    """(name, path) of every held-out set in `folder`, in number order: HELD-OUT (no number: the first), HELD-OUT-2, …"""
    numbered = []
    for path in folder.glob("discrimination_heldout*.tsv"):
        match = _HELD_OUT_NAME.fullmatch(path.name)
        if match:
            numbered.append((int(match.group(1) or 1), path))
    return [("HELD-OUT" if number == 1 else f"HELD-OUT-{number}", path) for number, path in sorted(numbered)]


def print_held_out(name, path, with_misses):
    """Print a held-out file's misses and false alarms (if asked), then its line: <name> precision= recall= cases=."""
    found, wanted, false_alarms, misses, lawful = measure(path)
    precision, recall = scores(found, wanted, false_alarms)
    if with_misses:
        for ground, text in misses:
            print(f"{name} MISS [{ground}] {text}")
        for ground, quote, text in false_alarms:
            print(f"{name} FALSE ALARM [{ground}: {quote}] {text}")
    print(f"{name} precision={precision:.3f} recall={recall:.3f} cases={sum(wanted.values()) + lawful}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--misses", action="store_true", help="print every miss and false alarm")
    arguments = parser.parse_args()
    found, wanted, false_alarms, misses, lawful = measure(CASES)
    precision, recall = scores(found, wanted, false_alarms)
    for ground in sorted(wanted):
        print(f"{ground:15} found {found[ground]:3} of {wanted[ground]:3}")
    print(f"false alarms {len(false_alarms)} of {lawful} lawful lines")
    if arguments.misses:
        for ground, text in misses:
            print(f"MISS [{ground}] {text}")
        for ground, quote, text in false_alarms:
            print(f"FALSE ALARM [{ground}: {quote}] {text}")
    for name, path in held_out_sets():
        print_held_out(name, path, arguments.misses)
    print(f"RESULT precision={precision:.3f} recall={recall:.3f} cases={sum(wanted.values()) + lawful}")


if __name__ == "__main__":
    main()
