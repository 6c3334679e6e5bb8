"""Text-engine benchmark: scan >= 100,000 realistic group messages in one process.

    python bench/bench_text.py [--messages 100000] [--leak-share 0.08] [--seed 7]

Traffic is generated, not sampled from our corpus: mostly ordinary work chat
(greetings, meeting notices, document numbers, office lines, hotlines, law
citations, amounts, English and emoji), a share of leaks (IDs, citizen phones,
addresses, warrants, bid counts...), in varied lengths from a word to a long
announcement. Prints messages per second (overall and for each fifth of the run),
median / p99 / max microseconds per message, the 10 slowest messages re-timed,
peak memory, and the slowest of a set of hostile 5,000-character messages (digit
soups, numerals of other scripts, at-signs...: `long_messages`). Targets: >= 30,000
messages/s on one core for typical traffic, no message slower than 2 ms, no
5,000-character message slower than 5 ms. Every figure is a raw measurement on this
machine (wall clock; the CPU-time rate beside it shows whether other processes
were competing for the core). Warm-up goes through `detectors.engine.warm_up`,
the same path the service uses, which also freezes start-up objects out of the GC.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import time
import timeit
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from detectors import scan_text
from detectors.engine import warm_up
from detectors.tw_national_id import LETTER_CODES, WEIGHTS

SURNAMES = "陳林黃張李王吳劉蔡楊許鄭謝郭洪邱曾廖賴徐周葉蘇莊呂江何蕭羅高"
GIVEN = "志明俊傑建宏家豪偉文華國榮信嘉冠宇宗翰柏彥承哲凱軒淑美惠玲芳娟秀麗珍雅婷怡君佳欣慧"
TITLES = ["科長", "股長", "專員", "隊長", "組長", "主任", "秘書", "學長"]
PLACES = ["第一會議室", "第二會議室", "3樓大會議室", "簡報室", "2樓禮堂", "視訊會議室"]
UNITS = ["人事室", "政風室", "秘書室", "會計室", "資訊室", "第一科", "第二科", "移民事務組"]

ORDINARY = [
    "好的",
    "收到",
    "謝謝大家 😊",
    "Noted 👍",
    "OK",
    "辛苦了🙏",
    "早安",
    "我晚點回覆",
    "請假一天，公文請{name}{title}代理",
    "開會通知：{m}/{d}（{w}） {h}:30 {place}",
    "{m}/{d} 下午{h}點在{place}開會，請準時出席",
    "來文移署{c}字第{docno}號請於一週內回復",
    "依刑法第132條及個資法第41條，洩漏個資有刑責",
    "承辦人 {name}{title} (02)2388-{four} 分機 {ext}",
    "有民眾問的話請他打 1999",
    "反詐騙請撥 165，緊急報案 110",
    "本案預算新臺幣{amount}萬元，請{unit}核章",
    "案號 11{y}年度偵字第{case}號，已送地檢署",
    "請{unit}於{m}月{d}日前繳交資料",
    "提醒大家：民眾證件照片不要傳到群組喔🙏",
    "{name}{title}生日快樂🎂",
    "今天中午訂便當，要的+1",
    "電腦當機了，資訊室分機 {ext} 沒人接",
    "決標公告已上網，底價及決標金額都在上面",
    "會議紀錄已上傳到共用資料夾，請大家確認",
    "Please review the draft before Friday, thanks!",
    "Meeting moved to 3pm, room 2.",
    "明天颱風假，請留意人事行政總處公告",
    "下週一起停車場整修，請改停B2",
    "收據金額 {amount},{three} 元，統編 {eight}",
    "公務車 ABC-{four} 今天送保養，請改借另一台",
    "教育訓練：個資保護與公務機密，{m}/{d} 上午9點，地點{place}",
    "內政部移民署 臺北市中正區廣州街15號，公文寄這裡",
    "{unit}的印表機卡紙了，誰可以幫忙看一下",
    "報帳請附發票，月底前送會計室",
    "請大家更新防毒軟體，資訊室會抽查",
    "這份簽呈請{name}{title}先看過再送",
    "稽查結果已彙整完成，請參閱報告",
    "明天教育訓練主題：搜索票聲請實務",
]
LONG = (
    "各位同仁好，本週工作重點如下：一、{m}/{d} 上午10點召開業務檢討會議，地點{place}，"
    "請各科準備簡報；二、年度預算執行率請於月底前回報會計室；三、近期詐騙電話頻傳，"
    "民眾詢問請告知撥打165反詐騙專線；四、公文請於期限內辦結，逾期案件請說明原因。"
    "另提醒大家，民眾個資與證件照片不要傳到群組，必要時請用公務系統傳送。謝謝大家配合。"
)
LEAKS = [
    "請問 {name} 的身分證 {nid} 可以幫忙確認戶籍嗎？",
    "關係人{name}，電話 09{p2}-{p3}-{p3b}，請他來說明",
    "{name} 民國{ry}年{m}月{d}日生，住桃園市平鎮區龍江路{num}號",
    "搜索票下來了，{name}家{m}/{d}清晨會去，你通知他一下",
    "標案目前只有{k}家來投，開標前我先跟你說",
    "檢舉的人就是{name}，別說是我講的",
    "【密】{m}/{d} 聯合查察對象：翠谷農產，請勿外流",
    "統號給你：{nid_fw}",
    "幫我查一下{name}有沒有前科",
    "底價是{amount}萬，開標前不要說出去",
]


def _nid(rng: random.Random) -> str:
    letter = rng.choice(sorted(LETTER_CODES))
    second = rng.choice([1, 2])
    body = "".join(rng.choice("0123456789") for _ in range(7))
    code = LETTER_CODES[letter]
    vals = [code // 10, code % 10, second, *map(int, body)]
    check = (10 - sum(v * w for v, w in zip(vals, WEIGHTS[:-1], strict=True)) % 10) % 10
    return f"{letter}{second}{body}{check}"


def _fill(template: str, rng: random.Random) -> str:
    nid = _nid(rng)
    return template.format(
        name=rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(2)),
        title=rng.choice(TITLES),
        place=rng.choice(PLACES),
        unit=rng.choice(UNITS),
        m=rng.randint(1, 12),
        d=rng.randint(1, 28),
        w=rng.choice("一二三四五"),
        h=rng.randint(9, 17),
        c=rng.choice("政中北南"),
        docno=rng.randint(1130000000, 1139999999),
        four=rng.randint(1000, 9999),
        three=rng.randint(100, 999),
        eight=rng.randint(10000000, 99999999),
        ext=rng.randint(100, 9999),
        amount=rng.randint(5, 900),
        y=rng.randint(0, 4),
        case=rng.randint(1000, 99999),
        nid=nid,
        nid_fw="".join(chr(ord(ch) + 0xFEE0) for ch in nid),
        p2=rng.randint(10, 99),
        p3=rng.randint(100, 999),
        p3b=rng.randint(100, 999),
        ry=rng.randint(40, 90),
        num=rng.randint(1, 400),
        k=rng.randint(2, 5),
    )


def traffic(n: int, leak_share: float, seed: int) -> list[str]:
    rng = random.Random(seed)
    out: list[str] = []
    for _ in range(n):
        r = rng.random()
        if r < leak_share:
            out.append(_fill(rng.choice(LEAKS), rng))
        elif r < leak_share + 0.03:
            out.append(_fill(LONG, rng))
        else:
            out.append(_fill(rng.choice(ORDINARY), rng))
    return out


ROUNDS = 5

LONG_CHARS = 5_000  # LINE's limit for one text message
LONG_TARGET_US = 5_000


def long_messages(chars: int, seed: int) -> dict[str, str]:
    """Hostile long messages: digit and separator soups (card, account and phone
    shapes at every place), numerals of other scripts, Chinese and radio numerals,
    at-signs, letters and digits, combining marks. Each `chars` long."""
    rng = random.Random(seed)

    def soup(alphabet: str) -> str:
        return "".join(rng.choice(alphabet) for _ in range(chars))

    def rep(unit: str) -> str:
        return (unit * (chars // len(unit) + 1))[:chars]

    return {
        "spaced digits": rep("1 "),
        "dashed pairs": rep("12-"),
        "digits and separators": soup("0123456789 -./"),
        "digits and spaces": soup("0123456789  "),
        "card word + digits": "卡號 " + soup("0123456789 "),
        "account words + digits": "帳號 匯款 " + soup("0123456789 -"),
        "phone word + digits": "電話 " + soup("0912345678 -"),
        "digits and emoji": soup("1234567890🙂 "),
        "Chinese numerals and commas": soup("零一二三四五六七八九，"),
        "radio numerals": soup("洞么兩三四五六拐八勾 "),
        "mathematical bold digits": soup("𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗 "),
        "circled digits": soup("①②③④⑤⑥⑦⑧⑨ "),
        "Arabic-Indic digits": soup("٠١٢٣٤٥٦٧٨٩ "),
        "full-width digits": soup("０１２３４５６７８９　"),
        "digits and combining marks": soup("0123456789\u0301\u0308"),
        "letters and digits": soup("ABCDEFGHJK0123456789 "),
        "o, i, l among digits": soup("0o1l2i3 "),
        "Cyrillic letters and digits": soup("АЕКН0123456789 "),
        "passport word + codes": "護照 " + soup("AB0123456789 "),
        "dates": soup("0123456789年月日/.-民國 "),
        "addresses": soup("臺北市中正區路段巷弄號樓之0123456789 "),
        "at-signs": soup("abc.@ 012"),
        "spelled at/dot": soup("abc at dot . "),
        "names and digits": soup("王陳林志明美玲 0123456789"),
        "lone surrogates": soup("1 \ud83d\udc00a"),
    }


def long_report(runs: int = 5) -> tuple[str, float]:
    """The slowest hostile 5,000-character message (best of `runs` each) and its time."""
    worst, worst_us = "", 0.0
    for name, text in long_messages(LONG_CHARS, 13).items():
        us = _best_of(text, runs)
        if us > worst_us:
            worst, worst_us = name, us
    return worst, worst_us


def _best_of(message: str, runs: int) -> float:
    """Microseconds one message takes, the best of `runs` scans."""
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter_ns()
        scan_text(message)
        best = min(best, (time.perf_counter_ns() - t) / 1000)
    return best


def _reference_us() -> float:
    return min(timeit.repeat("sum(range(1000))", number=2000, repeat=5)) / 2000 * 1e6


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--messages", type=int, default=100_000)
    ap.add_argument("--leak-share", type=float, default=0.08)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()

    msgs = traffic(args.messages, args.leak_share, args.seed)
    calib_before = _reference_us()
    warm_up()  # compile patterns, build the keyword index, then gc.collect() + gc.freeze()
    times: list[int] = []
    slow = 0
    flagged = 0
    clock = time.perf_counter_ns
    cpu0 = time.process_time()
    switches0 = resource.getrusage(resource.RUSAGE_SELF).ru_nivcsw
    # Five rounds of a fifth of the messages each: the rate of each round shows how
    # much the machine itself varied (a shared host's other tenants slow a core
    # down without preempting us); the overall rate is over all of them.
    rounds: list[float] = []
    chunk = max(1, len(msgs) // ROUNDS)
    t0 = clock()
    for i in range(0, len(msgs), chunk):
        r0 = clock()
        for m in msgs[i : i + chunk]:
            s = clock()
            r = scan_text(m)
            dt = clock() - s
            times.append(dt)
            slow += dt > 500_000
            flagged += r.verdict != "allow"
        rounds.append(len(msgs[i : i + chunk]) / ((clock() - r0) / 1e9))
    total_s = (clock() - t0) / 1e9
    cpu_s = time.process_time() - cpu0
    # Times the kernel took the core away mid-loop (another process): such a pause
    # lands inside one message's time. Reported, not subtracted.
    preempted = resource.getrusage(resource.RUSAGE_SELF).ru_nivcsw - switches0

    # Peak memory of scanning (tracemalloc slows Python down: measured on a separate pass).
    tracemalloc.start()
    for m in msgs[:5000]:
        scan_text(m)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    calib = (calib_before + _reference_us()) / 2

    # The slowest messages scanned again, best of 5: was the maximum the message's
    # own cost (a regex gone quadratic) or a pause of the machine?
    slowest = sorted(range(len(times)), key=times.__getitem__)[-10:]
    retimed_us = max(_best_of(msgs[i], 5) for i in slowest)

    long_name, long_us = long_report()

    times.sort()
    n = len(times)
    median_us = statistics.median(times) / 1000
    p99_us = times[min(n - 1, int(n * 0.99))] / 1000
    max_us = times[-1] / 1000
    rate = n / total_s
    avg_len = sum(map(len, msgs)) / n
    print(f"messages          {n:,} (avg {avg_len:.0f} chars, {flagged:,} flagged)")
    print(
        f"throughput        {rate:,.0f} messages/s (one process, one core; "
        f"{n / cpu_s:,.0f}/s of CPU time)"
    )
    print(
        f"rounds            {' / '.join(f'{x:,.0f}' for x in rounds)} messages/s "
        f"(best {max(rounds):,.0f})"
    )
    print(f"per message       median {median_us:.1f} us, p99 {p99_us:.1f} us, max {max_us:.1f} us")
    print(f"slowest 10 again  max {retimed_us:.1f} us each (best of 5 runs)")
    print(
        f"peak memory       {peak / 1024:.0f} KiB traced while scanning, {rss_mb:.0f} MiB max RSS"
    )
    print(
        f"slow messages     {slow:,} took > 500 us; the process was preempted "
        f"{preempted:,} times during the loop"
    )
    print(
        f"long messages     slowest of {len(long_messages(LONG_CHARS, 13))} hostile "
        f"{LONG_CHARS:,}-character messages: {long_us:,.0f} us ({long_name}; best of 5)"
    )
    print(
        f"machine reference sum(range(1000)) = {calib:.1f} us here (a typical desktop core: ~8 us)"
    )
    ok_long = long_us <= LONG_TARGET_US
    ok_rate = rate >= 30_000
    ok_max = max_us <= 2000
    print(
        f"targets           >= 30,000 msg/s: {'met' if ok_rate else 'NOT met'} overall"
        f"{'' if ok_rate or max(rounds) < 30_000 else ' (met in the best round)'}; "
        f"max <= 2 ms: {'met' if ok_max else 'NOT met'}; "
        f"5,000 chars <= 5 ms: {'met' if ok_long else 'NOT met'}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
