#!/usr/bin/env python3
"""Deterministic generator of a held-out image test set (work-group LINE images).

Usage:  /work/main/.venv/bin/python gen.py [--out DIR] [--jobs N] [--only ID,ID]
Draws DIR/img/*.{jpg,png} and DIR/labels.jsonl. Every image uses its own fixed seed,
so a rerun gives byte-identical files. All people, numbers and firms are synthetic.
"""
import argparse, io, json, math, os, random, sys, time
from functools import lru_cache
from multiprocessing import Pool

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont, ImageOps

HERE = os.path.dirname(os.path.abspath(__file__))
BASE_SEED = 20261203

# ----------------------------------------------------------------------------- fonts
NOTO = "/usr/share/fonts/opentype/noto/"
FONT_FILES = {
    "sans": NOTO + "NotoSansCJK-Regular.ttc",
    "sansb": NOTO + "NotoSansCJK-Bold.ttc",
    "serif": NOTO + "NotoSerifCJK-Regular.ttc",
    "serifb": NOTO + "NotoSerifCJK-Bold.ttc",
    "mono": NOTO + "NotoSansCJK-Regular.ttc",
    "wqy": "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
}
WANT = {"sans": "Noto Sans CJK TC", "sansb": "Noto Sans CJK TC", "serif": "Noto Serif CJK TC",
        "serifb": "Noto Serif CJK TC", "mono": "Noto Sans Mono CJK TC", "wqy": "WenQuanYi Zen Hei"}


@lru_cache(maxsize=None)
def _font_index(kind):
    path = FONT_FILES[kind]
    for i in range(12):
        try:
            if ImageFont.truetype(path, 12, index=i).getname()[0] == WANT[kind]:
                return i
        except OSError:
            break
    return 0


@lru_cache(maxsize=None)
def F(size, kind="sans"):
    return ImageFont.truetype(FONT_FILES[kind], int(size), index=_font_index(kind))


# ----------------------------------------------------------------------------- synthetic data
SURN = list("陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴徐周葉蘇莊呂江何蕭羅高潘簡朱鍾游彭詹胡施沈余盧梁趙顏柯翁魏孫戴范方宋鄧杜傅侯曹薛丁卓阮馬董唐藍蔣石古紀姚連馮程湯田康姜白汪鄒尤巫鐘黎涂龔嚴韓袁金童陸夏柳邵錢倪溫譚駱熊任甘秦顧毛章史俞雷饒")
GIVEN = list("志明建國淑芬美玲家豪俊傑怡君宗翰雅婷冠宇欣怡承恩詩涵柏翰佳穎宇軒子晴育誠秀英文華國強麗華慧珍振宏信宏哲瑋品妤彥廷思妤嘉宏玉梅春嬌金龍永福惠如心怡佩君凱文瑞祥耀宗泰山月娥碧霞")
CITIES = [("臺北市", ["中正區", "大安區", "信義區", "萬華區", "士林區", "內湖區", "文山區"]),
          ("新北市", ["板橋區", "三重區", "新莊區", "中和區", "永和區", "新店區", "汐止區"]),
          ("桃園市", ["桃園區", "中壢區", "平鎮區", "八德區", "龜山區"]),
          ("臺中市", ["西屯區", "北屯區", "南屯區", "豐原區", "大里區"]),
          ("臺南市", ["東區", "中西區", "永康區", "安平區"]),
          ("高雄市", ["苓雅區", "三民區", "左營區", "鳳山區", "前鎮區"]),
          ("新竹縣", ["竹北市", "湖口鄉"]), ("彰化縣", ["彰化市", "員林市"]), ("宜蘭縣", ["宜蘭市", "羅東鎮"])]
ROADS = ["中山路", "中正路", "民生路", "民族路", "復興路", "建國路", "和平東路", "光復路", "成功路", "自由路",
         "文化路", "忠孝東路", "信義路", "仁愛路", "博愛路", "中華路", "三民路", "大同路", "永和路", "福德街", "長春路"]
SHOPS = ["阿美", "好味", "老張", "福記", "金園", "大四喜", "小王子", "正忠", "合利", "珍香", "鼎泰", "池上", "悟饕", "八方", "佳佳", "順興"]
FIRMS = ["宏達", "永信", "大成", "建弘", "聯華", "昇陽", "台亞", "新光", "統聯", "鴻運", "宇泰", "鼎新", "全興", "冠德", "長榮", "欣泰", "奇美", "東元", "三商", "振源"]
FIRM_SUF = ["工程有限公司", "營造股份有限公司", "資訊股份有限公司", "科技有限公司", "實業有限公司", "企業社", "環保股份有限公司"]
AGENCIES = [("臺北市政府衛生局", "北市衛"), ("新北市政府環境保護局", "新北環"), ("桃園市政府勞動局", "桃勞"),
            ("臺中市政府經濟發展局", "中市經"), ("高雄市政府消防局", "高市消"), ("內政部移民署", "移署"),
            ("臺南市政府財政稅務局", "南市財"), ("新竹縣政府建設處", "竹縣建"), ("宜蘭縣政府衛生局", "宜衛"),
            ("法務部行政執行署", "執"), ("經濟部標準檢驗局", "經標"), ("交通部公路局", "路")]
AREA = {"臺北市": "02", "新北市": "02", "桃園市": "03", "新竹縣": "03", "臺中市": "04", "彰化縣": "04",
        "臺南市": "06", "高雄市": "07", "宜蘭縣": "03"}
LETTER = {c: v for c, v in zip("ABCDEFGHJKLMNPQRSTUVXYWZIO",
                              [10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35])}


def name(r, n=None):
    return r.choice(SURN) + "".join(r.choice(GIVEN) for _ in range(n or r.choice([2, 2, 2, 1])))


def title_of(r):
    return r.choice(["科員", "專員", "技士", "辦事員", "課員", "稽查員", "股長", "科長", "視察", "助理員"])


def nid_valid(s):
    if len(s) != 10 or s[0] not in LETTER or not s[1:].isdigit():
        return False
    v = LETTER[s[0]]
    w = [8, 7, 6, 5, 4, 3, 2, 1, 1]
    return (v // 10 + (v % 10) * 9 + sum(int(d) * k for d, k in zip(s[1:], w))) % 10 == 0


def nid(r, sex=None, letter=None):
    """National ID with a valid checksum (letter + 9 digits, weighted sum mod 10 == 0)."""
    L = letter or r.choice("ABCDEFGHJKLMNPQRSTUVXYWZ")
    s = str(sex or r.choice([1, 2]))
    body = s + "".join(str(r.randrange(10)) for _ in range(7))
    for d in range(10):
        if nid_valid(L + body + str(d)):
            return L + body + str(d)
    raise AssertionError


def nid_invalid(r):
    while True:
        s = r.choice("ABCDEFGHKMNPRSTUVW") + str(r.choice([1, 2])) + "".join(str(r.randrange(10)) for _ in range(8))
        if not nid_valid(s):
            return s


def mobile(r):
    return "09%02d-%03d-%03d" % (r.randrange(10, 90), r.randrange(1000), r.randrange(1000))


def office(r, city=None):
    a = AREA.get(city, r.choice(["02", "03", "04", "06", "07"]))
    n = "%04d-%04d" % (r.randrange(2000, 9000), r.randrange(10000)) if a == "02" else "%03d-%04d" % (r.randrange(200, 900), r.randrange(10000))
    return "(%s)%s 分機%d" % (a, n, r.randrange(100, 9000))


def address(r, city=None, floor=True):
    c, ds = r.choice(CITIES) if city is None else next(x for x in CITIES if x[0] == city)
    s = "%s%s%s%s號" % (c, r.choice(ds), r.choice(ROADS), r.choice(["", "一段", "二段", "三段"]) + "%d" % r.randrange(1, 400))
    if floor and r.random() < 0.6:
        s += "%d樓" % r.randrange(2, 15)
    return s


def roc_date(r, y0=50, y1=95):
    return r.randrange(y0, y1), r.randrange(1, 13), r.randrange(1, 29)


def firm(r):
    return r.choice(FIRMS) + r.choice(FIRM_SUF)


def ubn(r):
    return "%08d" % r.randrange(10 ** 7, 10 ** 8)


def money(n):
    return "{:,}".format(n)


# ----------------------------------------------------------------------------- drawing helpers
def wrap_lines(text, font, width):
    lines, cur = [], ""
    for ch in text:
        if ch == "\n":
            lines.append(cur); cur = ""; continue
        if font.getlength(cur + ch) > width and cur:
            lines.append(cur); cur = ch
        else:
            cur += ch
    if cur:
        lines.append(cur)
    return lines


class Page:
    def __init__(self, w, h, bg=(255, 255, 255)):
        self.im = Image.new("RGB", (w, h), bg)
        self.d = ImageDraw.Draw(self.im)
        self.keys = []
        self.w, self.h = w, h

    def key(self, box, pad=6):
        self.keys.append((box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad))

    def t(self, xy, s, size=24, fill=(20, 20, 20), kind="sans", anchor="la", key=False):
        f = F(size, kind)
        self.d.text(xy, s, font=f, fill=fill, anchor=anchor)
        b = self.d.textbbox(xy, s, font=f, anchor=anchor)
        if key:
            self.key(b)
        return b

    def wrap(self, x, y, s, width, size=24, fill=(20, 20, 20), kind="sans", lh=1.5, key=False, indent=0):
        f = F(size, kind)
        lines = wrap_lines(s, f, width - indent)
        y0 = y
        for i, ln in enumerate(lines):
            self.d.text((x + (indent if i else 0), y), ln, font=f, fill=fill)
            y += int(size * lh)
        if key:
            self.key((x, y0, x + width, y))
        return y

    def table(self, x, y, colw, rows, size=22, rowh=None, header_fill=(230, 230, 230), line=(60, 60, 60),
              kind="sans", key_rows=None, align="center", lw=1, fill=(20, 20, 20)):
        rowh = rowh or int(size * 1.9)
        f = F(size, kind)
        X = [x]
        for c in colw:
            X.append(X[-1] + c)
        for i, row in enumerate(rows):
            y0, y1 = y + i * rowh, y + (i + 1) * rowh
            if i == 0 and header_fill:
                self.d.rectangle((X[0], y0, X[-1], y1), fill=header_fill)
            for j, cell in enumerate(row):
                cell = str(cell)
                cw = colw[j] - 8
                ff = f
                if ff.getlength(cell) > cw:
                    ff = F(max(10, int(size * cw / max(1, f.getlength(cell)))), kind)
                if align == "center" or i == 0:
                    self.d.text(((X[j] + X[j + 1]) / 2, (y0 + y1) / 2), cell, font=ff, fill=fill, anchor="mm")
                else:
                    self.d.text((X[j] + 6, (y0 + y1) / 2), cell, font=ff, fill=fill, anchor="lm")
            if key_rows is not None and i in key_rows:
                self.key((X[0], y0, X[-1], y1), 2)
        n = len(rows)
        for i in range(n + 1):
            self.d.line((X[0], y + i * rowh, X[-1], y + i * rowh), fill=line, width=lw)
        for xx in X:
            self.d.line((xx, y, xx, y + n * rowh), fill=line, width=lw)
        return y + n * rowh

    def stamp(self, text, center, size=60, color=(200, 30, 30), angle=0, box=True, alpha=230, kind="sansb", key=False):
        f = F(size, kind)
        lines = text.split("\n")
        tw = int(max(f.getlength(x) for x in lines)) + size // 2
        th = int(size * 1.3 * len(lines) + size * 0.2)
        lay = Image.new("RGBA", (tw + 12, th + 12), (0, 0, 0, 0))
        ld = ImageDraw.Draw(lay)
        col = color + (alpha,)
        if box:
            ld.rectangle((4, 4, tw + 8, th + 8), outline=col, width=max(3, size // 12))
        for i, x in enumerate(lines):
            ld.text(((tw + 12) / 2, 6 + size * 0.1 + size * 1.3 * (i + 0.5)), x, font=f, fill=col, anchor="mm")
        lay = lay.rotate(angle, expand=True, resample=Image.BICUBIC)
        px, py = int(center[0] - lay.width / 2), int(center[1] - lay.height / 2)
        self.im.paste(lay, (px, py), lay)
        if key:
            self.key((px, py, px + lay.width, py + lay.height))

    def watermark(self, text, size=140, color=(200, 40, 40), alpha=90, angle=30, reps=1, key=False):
        f = F(size, "sansb")
        lay = Image.new("RGBA", self.im.size, (0, 0, 0, 0))
        ld = ImageDraw.Draw(lay)
        for k in range(reps):
            cy = self.h * (k + 1) / (reps + 1)
            ld.text((self.w / 2, cy), text, font=f, fill=color + (alpha,), anchor="mm")
        lay = lay.rotate(angle, resample=Image.BICUBIC)
        self.im.paste(lay, (0, 0), lay)
        if key:
            self.key((self.w * 0.2, self.h * 0.3, self.w * 0.8, self.h * 0.7))

    def barcode(self, x, y, w, h, r):
        xx = x
        while xx < x + w:
            bw = r.choice([1, 2, 2, 3, 4])
            if r.random() < 0.55:
                self.d.rectangle((xx, y, xx + bw - 1, y + h), fill=(0, 0, 0))
            xx += bw

    def qr(self, x, y, s, r, n=25):
        c = s / n
        self.d.rectangle((x, y, x + s, y + s), fill=(255, 255, 255))
        for i in range(n):
            for j in range(n):
                if r.random() < 0.5:
                    self.d.rectangle((x + i * c, y + j * c, x + (i + 1) * c, y + (j + 1) * c), fill=(0, 0, 0))
        for (fx, fy) in [(0, 0), (n - 7, 0), (0, n - 7)]:
            X0, Y0 = x + fx * c, y + fy * c
            self.d.rectangle((X0, Y0, X0 + 7 * c, Y0 + 7 * c), fill=(0, 0, 0))
            self.d.rectangle((X0 + c, Y0 + c, X0 + 6 * c, Y0 + 6 * c), fill=(255, 255, 255))
            self.d.rectangle((X0 + 2 * c, Y0 + 2 * c, X0 + 5 * c, Y0 + 5 * c), fill=(0, 0, 0))

    def face(self, box, r):
        x0, y0, x1, y1 = box
        bg = r.choice([(200, 220, 240), (235, 235, 235), (210, 230, 245)])
        self.d.rectangle(box, fill=bg, outline=(120, 120, 120))
        w, h = x1 - x0, y1 - y0
        skin = r.choice([(236, 200, 170), (225, 185, 150), (240, 210, 185), (205, 165, 130)])
        hair = r.choice([(30, 25, 20), (50, 40, 30), (70, 60, 50), (110, 110, 110)])
        cloth = r.choice([(40, 50, 80), (250, 250, 250), (60, 60, 60), (120, 30, 40)])
        self.d.ellipse((x0 + w * 0.05, y0 + h * 0.72, x1 - w * 0.05, y1 + h * 0.45), fill=cloth)
        self.d.rectangle((x0 + w * 0.4, y0 + h * 0.55, x0 + w * 0.6, y0 + h * 0.78), fill=skin)
        self.d.ellipse((x0 + w * 0.22, y0 + h * 0.12, x1 - w * 0.22, y0 + h * 0.68), fill=hair)
        self.d.ellipse((x0 + w * 0.26, y0 + h * 0.2, x1 - w * 0.26, y0 + h * 0.68), fill=skin)
        self.d.chord((x0 + w * 0.24, y0 + h * 0.1, x1 - w * 0.24, y0 + h * 0.45), 180, 360, fill=hair)
        ey = y0 + h * 0.42
        for ex in (x0 + w * 0.38, x0 + w * 0.58):
            self.d.ellipse((ex, ey, ex + w * 0.05, ey + h * 0.03), fill=(30, 30, 30))
        self.d.line((x0 + w * 0.44, y0 + h * 0.58, x0 + w * 0.56, y0 + h * 0.58), fill=(150, 80, 80), width=2)

    def hline(self, y, x0=None, x1=None, fill=(60, 60, 60), width=2):
        self.d.line((x0 if x0 is not None else 60, y, x1 if x1 is not None else self.w - 60, y), fill=fill, width=width)


def A4(bg=(255, 255, 255)):
    return Page(1000, 1414, bg)


# ----------------------------------------------------------------------------- degradations
def _persp_coeffs(dst, src):
    """Coefficients for Image.transform(PERSPECTIVE): maps output points dst -> input points src."""
    A, B = [], []
    for (x, y), (u, v) in zip(dst, src):
        A.append([x, y, 1, 0, 0, 0, -u * x, -u * y]); B.append(u)
        A.append([0, 0, 0, x, y, 1, -v * x, -v * y]); B.append(v)
    return np.linalg.solve(np.array(A, float), np.array(B, float)).tolist()


def background(w, h, r, rng, kind="desk"):
    if kind == "desk":
        base = np.array(r.choice([(140, 105, 75), (180, 150, 115), (90, 90, 95), (200, 200, 195), (60, 55, 50), (160, 170, 175)]), float)
    else:
        base = np.array(r.choice([(25, 25, 30), (45, 40, 40), (70, 70, 75)]), float)
    yy, xx = np.mgrid[0:h, 0:w]
    grain = np.sin(xx / r.uniform(3, 9) + np.sin(yy / r.uniform(20, 60)) * 3) * r.uniform(2, 8)
    arr = base[None, None, :] + grain[..., None] + rng.normal(0, 4, (h, w, 1))
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def lighting(im, r, rng, strength=0.35):
    w, h = im.size
    yy, xx = np.mgrid[0:h, 0:w].astype(float)
    xx /= w; yy /= h
    ang = r.uniform(0, 2 * math.pi)
    g = (xx - 0.5) * math.cos(ang) + (yy - 0.5) * math.sin(ang)
    cx, cy = r.uniform(0.2, 0.8), r.uniform(0.2, 0.8)
    rad = np.exp(-((xx - cx) ** 2 + (yy - cy) ** 2) / r.uniform(0.05, 0.3))
    L = 1.0 - strength * 0.6 + strength * 0.9 * g + strength * 0.5 * rad
    L = np.clip(L, 0.45, 1.15)
    warm = np.array(r.choice([(1.0, 0.97, 0.9), (0.95, 0.97, 1.0), (1.0, 1.0, 1.0), (1.0, 0.95, 0.85)]))
    arr = np.asarray(im).astype(float) * L[..., None] * warm[None, None, :]
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def noise(im, rng, sigma):
    arr = np.asarray(im).astype(float) + rng.normal(0, sigma, (im.size[1], im.size[0], 1))
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def fit(im, maxside):
    s = maxside / max(im.size)
    if s < 1:
        im = im.resize((max(1, int(im.width * s)), max(1, int(im.height * s))), Image.LANCZOS)
    return im


def do_photo(im, r, rng, notes, screen=False):
    w, h = im.size
    mx, my = int(w * r.uniform(0.06, 0.16)), int(h * r.uniform(0.05, 0.12))
    W, H = w + 2 * mx, h + 2 * my
    skew = r.uniform(0.02, 0.07)
    j = lambda a: r.uniform(-a, a)
    dst = [(mx + j(w * skew), my + j(h * skew)), (mx + w + j(w * skew), my + j(h * skew)),
           (mx + w + j(w * skew), my + h + j(h * skew)), (mx + j(w * skew), my + h + j(h * skew))]
    src = [(0, 0), (w, 0), (w, h), (0, h)]
    co = _persp_coeffs(dst, src)
    if screen:
        # moire + RGB sub-pixel stripes + slight blue cast before the camera sees it
        yy, xx = np.mgrid[0:h, 0:w].astype(float)
        f1, f2, th = r.uniform(0.08, 0.2), r.uniform(0.05, 0.15), r.uniform(0, math.pi)
        m = 1 + 0.07 * np.sin(2 * math.pi * (xx * f1 * math.cos(th) + yy * f1 * math.sin(th))) \
            * np.sin(2 * math.pi * (xx * f2 * math.sin(th) - yy * f2 * math.cos(th)))
        arr = np.asarray(im).astype(float) * m[..., None]
        stripe = np.stack([(xx % 3 == k) * 0.06 for k in range(3)], -1)
        arr = arr * (0.96 + stripe) * np.array([0.93, 0.98, 1.05])
        im = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
        notes.append("screen moire")
    bg = background(W, H, r, rng, "dark" if screen else "desk")
    warped = im.transform((W, H), Image.PERSPECTIVE, co, Image.BICUBIC)
    mask = Image.new("L", (w, h), 255).transform((W, H), Image.PERSPECTIVE, co, Image.BICUBIC)
    if not screen:
        sh = mask.filter(ImageFilter.GaussianBlur(12))
        bg = Image.composite(Image.new("RGB", (W, H), (20, 20, 20)), bg, sh.point(lambda v: v * 0.5))
    out = Image.composite(warped, bg, mask)
    notes.append("perspective skew %.0f%%" % (skew * 100))
    out = lighting(out, r, rng, r.uniform(0.2, 0.45))
    notes.append("uneven light")
    if screen and r.random() < 0.7:
        arr = np.asarray(out).astype(float)
        yy, xx = np.mgrid[0:H, 0:W].astype(float)
        gx, gy = r.uniform(0.2, 0.8) * W, r.uniform(0.2, 0.8) * H
        glare = 70 * np.exp(-((xx - gx) ** 2 + (yy - gy) ** 2) / (2 * (r.uniform(0.06, 0.15) * W) ** 2))
        out = Image.fromarray(np.clip(arr + glare[..., None], 0, 255).astype(np.uint8))
        notes.append("glare")
    b = r.uniform(0.5, 1.4)
    out = out.filter(ImageFilter.GaussianBlur(b))
    notes.append("blur %.1f" % b)
    s = r.uniform(3, 9)
    out = noise(out, rng, s)
    notes.append("noise %.0f" % s)
    return fit(out, 1600)


def do_scan(im, r, rng, notes):
    gray = r.random() < 0.5
    if gray:
        im = ImageOps.grayscale(im).convert("RGB")
        notes.append("grayscale")
    ang = r.uniform(-2.0, 2.0)
    im = im.rotate(ang, expand=True, fillcolor=(245, 245, 240), resample=Image.BICUBIC)
    notes.append("scan tilt %.1f deg" % ang)
    arr = np.asarray(im).astype(float)
    tint = np.array([1.0, 0.99, 0.94]) if not gray else np.array([1.0, 1.0, 1.0])
    arr = arr * tint
    h, w = arr.shape[:2]
    xx = np.linspace(0, 1, w)
    edge = 1 - 0.25 * np.exp(-xx / 0.02)  # binding shadow on the left
    arr = arr * edge[None, :, None]
    sp = rng.random((h, w)) < 0.0015
    arr[sp] = 40
    im = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    im = im.filter(ImageFilter.GaussianBlur(r.uniform(0.3, 0.8)))
    im = noise(im, rng, r.uniform(2, 5))
    notes.append("speckle")
    return im


def key_union(keys, w, h):
    if not keys:
        return (w * 0.3, h * 0.3, w * 0.7, h * 0.7)
    return (max(0, min(k[0] for k in keys)), max(0, min(k[1] for k in keys)),
            min(w, max(k[2] for k in keys)), min(h, max(k[3] for k in keys)))


def do_crop(im, keys, r, notes):
    w, h = im.size
    kx0, ky0, kx1, ky1 = key_union(keys, w, h)
    cw = max(kx1 - kx0 + 20, w * r.uniform(0.6, 0.92))
    ch = max(ky1 - ky0 + 20, h * r.uniform(0.55, 0.9))
    cw, ch = min(cw, w), min(ch, h)
    x0 = r.uniform(max(0, kx1 + 10 - cw), min(kx0 - 10, w - cw)) if min(kx0 - 10, w - cw) > max(0, kx1 + 10 - cw) else max(0, min(kx0 - 10, w - cw))
    y0 = r.uniform(max(0, ky1 + 10 - ch), min(ky0 - 10, h - ch)) if min(ky0 - 10, h - ch) > max(0, ky1 + 10 - ch) else max(0, min(ky0 - 10, h - ch))
    box = (int(x0), int(y0), int(x0 + cw), int(y0 + ch))
    notes.append("cropped to %d%%x%d%%" % (100 * cw / w, 100 * ch / h))
    return im.crop(box), [(k[0] - box[0], k[1] - box[1], k[2] - box[0], k[3] - box[1]) for k in keys]


def phone_frame(im, r, notes, title=None):
    """Wrap a screen image as a phone screenshot (status bar, optional app bar)."""
    W = 1080
    s = W / im.width
    body = im.resize((W, int(im.height * s)), Image.LANCZOS)
    bar = 70 + (90 if title else 0)
    out = Image.new("RGB", (W, body.height + bar + 40), (255, 255, 255))
    d = ImageDraw.Draw(out)
    d.rectangle((0, 0, W, 70), fill=(245, 245, 245))
    d.text((40, 35), "%d:%02d" % (r.randrange(7, 23), r.randrange(60)), font=F(34, "sansb"), fill=(0, 0, 0), anchor="lm")
    d.text((W - 40, 35), "4G  %d%%" % r.randrange(15, 100), font=F(30), fill=(0, 0, 0), anchor="rm")
    if title:
        d.rectangle((0, 70, W, 160), fill=(255, 255, 255))
        d.text((W / 2, 115), title, font=F(36, "sansb"), fill=(0, 0, 0), anchor="mm")
        d.line((0, 160, W, 160), fill=(220, 220, 220), width=2)
    out.paste(body, (0, bar))
    notes.append("phone screenshot frame")
    return out


def pdf_view(im, keys, r, notes):
    """Paper document seen as a screenshot of a PDF / document viewer on a PC."""
    W, H = 1600, 1100
    out = Image.new("RGB", (W, H), (82, 86, 89))
    d = ImageDraw.Draw(out)
    d.rectangle((0, 0, W, 50), fill=(50, 54, 57))
    d.text((20, 25), r.choice(["document.pdf", "掃描0001.pdf", "公文附件.pdf", "scan_%04d.pdf" % r.randrange(9999)]),
           font=F(22), fill=(230, 230, 230), anchor="lm")
    d.text((W - 20, 25), "%d%%" % r.choice([75, 100, 125]), font=F(22), fill=(230, 230, 230), anchor="rm")
    s = min((W - 120) / im.width, (H - 70) / im.height * r.uniform(1.15, 1.8))
    pg = im.resize((int(im.width * s), int(im.height * s)), Image.LANCZOS)
    kx0, ky0, kx1, ky1 = key_union(keys, im.width, im.height)
    hi = min(max(0, pg.height - (H - 70)), max(0, ky0 * s - 20))
    lo = min(hi, max(0, ky1 * s + 20 - (H - 70)))
    top = int(r.uniform(lo, hi))
    pg = pg.crop((0, top, pg.width, min(pg.height, top + H - 70)))
    out.paste(pg, ((W - pg.width) // 2, 60))
    notes.append("PDF viewer screenshot")
    return out


def render(page, kind, style, r, rng, notes, screen_title=None):
    """kind: 'paper' | 'screen' | 'card' | 'board'.  style: list of tokens, first one the base."""
    base, mods = style[0], style[1:]
    im, keys = page.im, page.keys
    if "crop" in mods:
        im, keys = do_crop(im, keys, r, notes)
    if base == "screenshot":
        im = phone_frame(im, r, notes, screen_title) if kind == "screen" else pdf_view(im, keys, r, notes) if kind == "paper" else im
    elif base == "scan":
        im = do_scan(im, r, rng, notes)
    elif base == "photo":
        im = do_photo(im, r, rng, notes)
    elif base == "screen_photo":
        im = do_photo(im, r, rng, notes, screen=True)
    if "rot90" in mods:
        k = r.choice([Image.ROTATE_90, Image.ROTATE_270])
        im = im.transpose(k)
        notes.append("rotated %s" % ("90 ccw" if k == Image.ROTATE_90 else "90 cw"))
    if "rot180" in mods:
        im = im.transpose(Image.ROTATE_180)
        notes.append("rotated 180")
    if "lowjpeg" in mods:
        q = r.randrange(12, 32)
        if r.random() < 0.6:
            sc = r.uniform(0.55, 0.8)
            im = im.resize((int(im.width * sc), int(im.height * sc)), Image.BILINEAR)
            notes.append("downscaled x%.2f" % sc)
        notes.append("JPEG q=%d" % q)
        return im, "jpg", q
    if base == "screenshot":
        return im, "png", None
    q = r.randrange(72, 93)
    notes.append("JPEG q=%d" % q)
    return fit(im, 1600), "jpg", q


# ============================================================================= ALLOW documents
def d_menu(r):
    p = A4((255, 252, 240) if r.random() < 0.5 else (255, 255, 255))
    shop = r.choice(SHOPS) + r.choice(["便當", "自助餐", "快餐", "麵館", "小吃", "飯包"])
    col = r.choice([(180, 30, 30), (20, 90, 40), (30, 60, 140), (150, 80, 0)])
    p.d.rectangle((0, 0, 1000, 170), fill=col)
    p.t((500, 85), shop, 72, (255, 255, 255), "sansb", "mm", key=True)
    items = ["排骨飯", "雞腿飯", "控肉飯", "魚排飯", "三寶飯", "鯖魚飯", "素食餐", "燒肉飯", "蝦捲飯", "滷雞腿飯",
             "咖哩飯", "牛肉麵", "乾麵", "餛飩湯", "貢丸湯", "滷蛋", "燙青菜", "酸辣湯", "叉燒飯", "香腸飯"]
    r.shuffle(items)
    y = 210
    for i, it in enumerate(items[:16]):
        x = 80 if i % 2 == 0 else 540
        p.t((x, y), it, 34)
        p.t((x + 380, y), "$%d" % r.choice([25, 30, 35, 60, 80, 85, 90, 95, 100, 110, 120, 130]), 34, col, "sansb", "ra")
        if i % 2:
            y += 66
    y += 30
    p.hline(y, fill=col, width=4)
    ph = mobile(r)
    y += 30
    p.t((80, y), "訂購專線：" + ph, 44, col, "sansb", key=True); y += 70
    if r.random() < 0.6:
        p.t((80, y), "市話：" + office(r).split(" ")[0], 34); y += 56
    if r.random() < 0.5:
        p.t((80, y), "LINE ID：@%s%d" % (r.choice(["bento", "food", "lunch", "eat"]), r.randrange(100, 999)), 34); y += 56
    p.t((80, y), "地址：" + address(r, floor=False), 30); y += 52
    p.t((80, y), "營業時間：%d:00-%d:00（週日公休）" % (r.choice([10, 11]), r.choice([19, 20])), 30); y += 52
    p.t((80, y), r.choice(["10個以上免費外送，公家機關可開收據", "滿500元外送，可開統編", "中午11點前訂餐，準時送達"]), 30, col)
    return p, "paper", dict(types=[], note="lunch menu printing the shop's mobile for orders", hard=True)


def d_flyer(r):
    bgc = r.choice([(255, 235, 59), (255, 205, 210), (200, 230, 201), (187, 222, 251), (255, 224, 178)])
    p = A4(bgc)
    shop = r.choice(SHOPS) + r.choice(["洗衣店", "水電行", "影印行", "汽車保養", "手搖飲", "早餐店", "眼鏡行", "文具行"])
    p.t((500, 110), shop, 76, (30, 30, 30), "sansb", "mm")
    p.d.ellipse((600, 180, 960, 540), fill=(230, 40, 40))
    p.t((780, 330), r.choice(["開幕慶", "週年慶", "新春優惠", "會員日"]), 52, (255, 255, 255), "sansb", "mm")
    p.t((780, 410), r.choice(["全品項9折", "買一送一", "滿千折百", "第二件半價"]), 40, (255, 255, 255), "sansb", "mm")
    y = 220
    for b in r.sample(["專業服務 價格透明", "公家機關 可月結", "統編收據 現場開立", "到府服務 免車馬費",
                       "LINE 預約 優先處理", "團購10份以上送1份", "學生教職員 憑證9折"], 4):
        p.t((80, y), "★ " + b, 36); y += 70
    y = 620
    boss = r.choice(SURN) + r.choice(["先生", "小姐", "老闆", "師傅"])
    p.d.rectangle((60, y, 940, y + 300), fill=(255, 255, 255), outline=(30, 30, 30), width=3)
    p.t((100, y + 30), "洽詢：%s  %s" % (boss, mobile(r)), 44, (200, 0, 0), "sansb", key=True)
    p.t((100, y + 110), "店址：" + address(r, floor=False), 32)
    p.t((100, y + 170), "營業：週一至週六 %02d:00-%02d:00" % (r.choice([7, 8, 9]), r.choice([18, 20, 21])), 32)
    p.t((100, y + 230), "統一編號 %s" % ubn(r), 28, (90, 90, 90))
    p.qr(760, 1000, 180, r)
    p.t((850, 1200), "掃碼加LINE", 26, anchor="ma")
    return p, "paper", dict(types=[], note="shop flyer with owner's business mobile (advertising)", hard=True)


def d_calendar(r):
    p = Page(1200, 1000)
    y, m = r.choice([114, 115]), r.randrange(1, 13)
    first = r.randrange(7)
    days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
    p.t((600, 50), "%d年%d月 行事曆" % (y, m), 48, anchor="mm", kind="sansb", key=True)
    hdr = ["日", "一", "二", "三", "四", "五", "六"]
    cw, ch = 160, 140
    for i, hname in enumerate(hdr):
        p.d.rectangle((40 + i * cw, 100, 40 + (i + 1) * cw, 140), fill=(60, 90, 150))
        p.t((40 + i * cw + cw / 2, 120), hname, 24, (255, 255, 255), anchor="mm")
    events = ["科務會議", "公文稽核", "消防演練", "廉政講習", "業務檢查", "發薪日", "環境清潔日", "教育訓練", "預算審查", "主管會報"]
    for dday in range(1, days + 1):
        k = first + dday - 1
        cx, cy = 40 + (k % 7) * cw, 140 + (k // 7) * ch
        p.d.rectangle((cx, cy, cx + cw, cy + ch), outline=(150, 150, 150))
        red = k % 7 in (0, 6)
        p.t((cx + 8, cy + 6), str(dday), 30, (200, 30, 30) if red else (30, 30, 30), "sansb")
        if not red and r.random() < 0.3:
            p.t((cx + 8, cy + 50), "%02d:%02d" % (r.choice([9, 10, 14, 15]), r.choice([0, 30])), 18, (80, 80, 80))
            p.t((cx + 8, cy + 78), r.choice(events), 20, (20, 60, 160))
    return p, "paper", dict(types=[], note="monthly calendar: grid of digits and meeting events", hard=False)


def d_roster(r):
    p = Page(1400, 1000)
    unit = r.choice(["稽查科", "秘書室", "政風室", "行政科", "第二大隊", "資訊室", "服務中心"])
    y, m = r.choice([114, 115]), r.randrange(1, 13)
    p.t((700, 50), "%s %d年%d月 值班表" % (unit, y, m), 44, anchor="mm", kind="sansb", key=True)
    staff = [name(r) for _ in range(8)]
    rows = [["日期", "星期", "值日人員", "分機", "備勤人員", "分機"]]
    wd = r.randrange(7)
    for dday in range(1, 16):
        a, b = r.sample(staff, 2)
        rows.append(["%d/%d" % (m, dday), "日一二三四五六"[(wd + dday) % 7], a, str(r.randrange(200, 900)), b, str(r.randrange(200, 900))])
    p.table(60, 100, [160, 100, 300, 160, 300, 160], rows, 24, 50)
    duty = mobile(r)
    p.t((60, 920), "值班公務手機：%s　值班室：%s" % (duty, office(r).split(" ")[0]), 26)
    p.t((60, 960), "※ 如需調班請於3日前填寫調班單，送%s核章" % unit, 22, (100, 100, 100))
    return p, "paper", dict(types=[], note="staff duty roster: colleague names, extensions and the office duty phone", hard=True)


def d_ticket(r):
    kind = r.choice(["tra", "thsr", "bus", "event"])
    p = Page(1100, 560, (235, 235, 235))
    if kind == "tra":
        p.d.rounded_rectangle((30, 30, 1070, 530), 20, fill=(250, 240, 215), outline=(120, 100, 60), width=3)
        p.t((70, 60), "臺灣鐵路 TAIWAN RAILWAY", 30, (60, 40, 20), "sansb")
        st = r.sample(["臺北", "板橋", "桃園", "新竹", "臺中", "彰化", "嘉義", "臺南", "高雄", "宜蘭", "花蓮"], 2)
        p.t((120, 150), st[0], 70, kind="sansb", key=True); p.t((420, 170), "→", 50); p.t((560, 150), st[1], 70, kind="sansb")
        p.t((70, 290), "%d/%02d/%02d  %02d:%02d開  %s %d次" % (2026, r.randrange(1, 13), r.randrange(1, 29), r.randrange(6, 22),
                                                             r.randrange(60), r.choice(["自強", "莒光", "區間快"]), r.randrange(100, 700)), 34)
        p.t((70, 350), "%d車 %d號  全票  NT$%d" % (r.randrange(1, 12), r.randrange(1, 60), r.randrange(60, 900)), 34)
        p.t((70, 430), "%s-%s-%s" % (r.randrange(1000, 9999), r.randrange(1000, 9999), r.randrange(10, 99)), 26, (90, 90, 90))
        p.qr(840, 270, 200, r)
    elif kind == "thsr":
        p.d.rounded_rectangle((30, 30, 1070, 530), 20, fill=(255, 255, 255), outline=(230, 120, 30), width=4)
        p.t((70, 55), "台灣高鐵 THSR  車票 Ticket", 30, (230, 100, 20), "sansb")
        st = r.sample(["南港", "台北", "板橋", "桃園", "新竹", "苗栗", "台中", "彰化", "雲林", "嘉義", "台南", "左營"], 2)
        p.t((70, 130), "%s → %s" % tuple(st), 64, kind="sansb", key=True)
        p.t((70, 240), "2026/%02d/%02d   %02d:%02d - %02d:%02d   車次 %d" % (r.randrange(1, 13), r.randrange(1, 29), r.randrange(6, 22),
                                                                        r.randrange(60), r.randrange(7, 23), r.randrange(60), r.randrange(100, 1700)), 32)
        p.t((70, 300), "%d車 %d%s  標準車廂  全票 NT$%d" % (r.randrange(1, 13), r.randrange(1, 20), r.choice("ABCDE"), r.randrange(130, 1500)), 32)
        p.t((70, 370), "訂位代號 %08d" % r.randrange(10 ** 8), 30)
        p.t((70, 430), "票號 %s-%s-%s-%s" % tuple("%02d" % r.randrange(100) for _ in range(4)), 26, (90, 90, 90))
        p.qr(820, 230, 220, r)
    elif kind == "bus":
        p.d.rounded_rectangle((30, 30, 1070, 530), 20, fill=(220, 240, 255), outline=(20, 80, 160), width=3)
        p.t((70, 55), r.choice(["國光客運", "統聯客運", "和欣客運", "葛瑪蘭客運"]) + " 乘車券", 36, (20, 60, 140), "sansb")
        st = r.sample(["臺北轉運站", "臺中朝馬", "嘉義", "高雄", "宜蘭轉運站", "新竹", "桃園機場"], 2)
        p.t((70, 140), "%s → %s" % tuple(st), 54, kind="sansb", key=True)
        p.t((70, 240), "發車 2026-%02d-%02d %02d:%02d  座位 %d" % (r.randrange(1, 13), r.randrange(1, 29), r.randrange(6, 23), r.randrange(60), r.randrange(1, 40)), 32)
        p.t((70, 300), "票價 NT$%d   票號 %010d" % (r.randrange(100, 800), r.randrange(10 ** 10)), 32)
        p.barcode(70, 380, 600, 100, r)
    else:
        p.d.rounded_rectangle((30, 30, 1070, 530), 20, fill=(40, 20, 60), outline=(200, 160, 60), width=4)
        ev = r.choice(["2026 城市音樂節", "年度公務人員運動會", "廉政微電影首映會", "親子嘉年華", "交響樂團定期演出"])
        p.t((70, 60), ev, 48, (250, 220, 120), "sansb", key=True)
        p.t((70, 160), "2026.%02d.%02d (%s) %02d:%02d 入場" % (r.randrange(1, 13), r.randrange(1, 29), r.choice("一二三四五六日"), r.randrange(13, 20), r.choice([0, 30])), 34, (255, 255, 255))
        p.t((70, 230), "%s  %s區 %d排 %d號" % (r.choice(["國家音樂廳", "臺北小巨蛋", "市府大禮堂", "體育館"]), r.choice("ABCDEF"), r.randrange(1, 30), r.randrange(1, 40)), 34, (255, 255, 255))
        p.t((70, 300), "票價 NT$%d   序號 %s%08d" % (r.choice([0, 300, 800, 1200, 2000]), r.choice("ABCK"), r.randrange(10 ** 8)), 30, (220, 220, 220))
        p.qr(820, 250, 220, r)
    return p, "card", dict(types=[], note="%s ticket: station names, times, seat and ticket numbers" % kind, hard=False)


def d_receipt(r):
    p = Page(620, 1100, (252, 252, 250))
    hard = False
    if r.random() < 0.55:
        p.t((310, 50), r.choice(SHOPS) + r.choice(["商行", "超商", "文具", "五金"]), 36, anchor="mm", kind="sansb")
        p.t((310, 110), "電子發票證明聯", 40, anchor="mm", kind="sansb", key=True)
        p.t((310, 170), "%d年%02d-%02d月" % (r.choice([114, 115]), *(lambda a: (a, a + 1))(r.choice([1, 3, 5, 7, 9, 11]))), 34, anchor="mm")
        p.t((310, 230), "%s-%08d" % ("".join(r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(2)), r.randrange(10 ** 8)), 44, anchor="mm", kind="sansb")
        p.t((40, 290), "2026-%02d-%02d %02d:%02d:%02d" % (r.randrange(1, 13), r.randrange(1, 29), r.randrange(24), r.randrange(60), r.randrange(60)), 24)
        p.t((40, 330), "隨機碼 %04d    總計 %d" % (r.randrange(10000), r.randrange(30, 5000)), 24)
        p.t((40, 370), "賣方 %s    買方 %s" % (ubn(r), ubn(r)), 24)
        p.barcode(40, 420, 540, 70, r)
        p.qr(60, 520, 220, r); p.qr(340, 520, 220, r)
        y = 780
        for _ in range(r.randrange(2, 5)):
            p.t((40, y), r.choice(["A4影印紙", "原子筆x12", "便當", "咖啡", "碳粉匣", "文件夾", "電池"]), 24)
            p.t((580, y), str(r.randrange(20, 2000)), 24, anchor="ra"); y += 40
        p.t((40, y + 20), "退貨請憑電子發票證明聯辦理", 20, (100, 100, 100))
        note = "e-invoice proof: invoice number, random code, seller/buyer tax IDs, barcodes"
    else:
        p.t((310, 60), "收　據", 50, anchor="mm", kind="sansb", key=True)
        p.t((40, 130), "NO. %07d" % r.randrange(10 ** 7), 26, (200, 0, 0))
        p.t((40, 180), "茲收到 %s" % r.choice(["本局秘書室", "稽查科", "總務股", "第一科"]), 26)
        rows = [["品名", "數量", "單價", "金額"]]
        tot = 0
        for _ in range(r.randrange(3, 7)):
            q, u = r.randrange(1, 30), r.randrange(10, 800)
            tot += q * u
            rows.append([r.choice(["便當", "茶水", "印刷費", "場地費", "文具", "交通費"]), q, u, q * u])
        y = p.table(40, 230, [220, 90, 120, 110], rows, 22, 46)
        p.t((40, y + 20), "合計 新臺幣 %s 元整" % money(tot), 28, kind="sansb")
        p.t((40, y + 80), "統一編號 %s  電話 %s" % (ubn(r), office(r).split(" ")[0]), 22)
        if r.random() < 0.7:
            p.t((40, y + 130), "會員編號 %s" % nid_invalid(r), 24, key=True)
            hard = True
        p.stamp(r.choice(SHOPS) + "商行\n發票專用章", (420, y + 260), 26, angle=r.uniform(-8, 8))
        note = "handwritten-style receipt: grid of amounts" + ("; member number shaped like an ID, invalid checksum" if hard else "")
    return p, "card", dict(types=[], note=note, hard=hard)


def _agency(r):
    a, code = r.choice(AGENCIES)
    return a, code


TOPICS = [("衛生局", "食品衛生稽查", "公告本局%d年度下半年食品衛生稽查結果，請查照。", "食品安全衛生管理法第41條。"),
          ("消防局", "營業場所消防安全檢查", "公告辦理%d年度營業場所消防安全檢查時程，請業者配合。", "消防法第6條。"),
          ("環境保護局", "公有市場環境衛生稽核", "公告本府%d年度公有市場環境衛生稽核結果。", "廢棄物清理法第11條。"),
          ("勞動局", "勞動條件專案檢查", "公告%d年度勞動條件專案檢查計畫，業者應備妥出勤紀錄。", "勞動基準法第72條。"),
          ("經濟發展局", "市售商品標示稽查", "公告%d年度市售商品標示稽查結果及改善情形。", "商品標示法第13條。")]
CITY_GOV = [("臺北市政府", "北市"), ("新北市政府", "新北"), ("桃園市政府", "桃"), ("臺中市政府", "中市"), ("臺南市政府", "南市"), ("高雄市政府", "高市")]


def _topic(r):
    dept, short, subj, basis = r.choice(TOPICS)
    gov, c = r.choice(CITY_GOV)
    return gov + dept, c + dept[:1], short, subj, basis


def d_public_notice(r):
    p = A4()
    ag, code, short, subj, basis = _topic(r)
    p.t((500, 80), ag + "　公告", 44, anchor="mm", kind="serifb", key=True)
    p.t((560, 150), "發文日期：中華民國%d年%d月%d日" % (r.choice([114, 115]), r.randrange(1, 13), r.randrange(1, 29)), 22, kind="serif")
    p.t((560, 185), "發文字號：%s字第%d號" % (code, r.randrange(10 ** 9, 10 ** 10)), 22, kind="serif")
    subj = subj % r.choice([114, 115])
    y = p.wrap(60, 250, "主旨：" + subj, 880, 28, kind="serif", indent=84)
    y = p.wrap(60, y + 10, "依據：" + basis, 880, 28, kind="serif")
    p.t((60, y + 20), "公告事項：", 28, kind="serif")
    y += 70
    items = ["本次%s共計%d家，合格%d家，限期改正%d家。" % (r.choice(["稽查", "檢查", "稽核"]), r.randrange(40, 200), r.randrange(30, 150), r.randrange(1, 20)),
             "結果明細已刊登於本局全球資訊網「最新消息」專區。",
             "民眾如發現違規情事，可撥打1999市民當家熱線或本局專線反映。",
             "業者對結果如有疑義，請於公告日起30日內以書面提出。"]
    for i, it in enumerate(items):
        y = p.wrap(60, y, "%s、%s" % ("一二三四"[i], it), 880, 26, kind="serif", indent=52) + 6
    who = name(r)
    y += 30
    p.t((60, y), "承辦人：%s%s　電話：%s" % (who, title_of(r), office(r)), 24, kind="serif", key=True)
    p.t((60, y + 45), "市民服務熱線：1999（外縣市請撥 %s）" % office(r).split(" ")[0], 24, kind="serif")
    boss = name(r, 2)
    p.t((600, y + 160), "局長　%s" % boss, 44, kind="serifb")
    return p, "paper", dict(types=[], note="public notice on inspection results; official and office line, 1999 hotline", hard=True)


def d_official_letter(r):
    p = A4()
    ag, code = _agency(r)
    city = r.choice(CITIES)[0]
    p.t((500, 70), ag + "　函", 44, anchor="mm", kind="serifb", key=True)
    y = 130
    off = name(r)
    for s in ["地址：" + address(r, city, floor=False), "承辦人：%s %s" % (off, title_of(r)), "電話：" + office(r, city),
              "傳真：" + office(r, city).split(" ")[0], "電子信箱：%s@mail.gov.tw" % r.choice(["ethics", "audit", "admin", "service", "sec"]) + str(r.randrange(10, 99))]:
        p.t((560, y), s, 20, kind="serif"); y += 30
    p.t((60, y + 20), "受文者：" + r.choice(["本府各一級機關", "各區公所", "本署各單位", "如正副本"]), 26, kind="serif")
    y += 80
    yy, mm = r.choice([114, 115]), r.randrange(1, 13)
    for s in ["發文日期：中華民國%d年%d月%d日" % (yy, mm, r.randrange(1, 29)), "發文字號：%s字第%d號" % (code, r.randrange(10 ** 9, 10 ** 10)),
              "速別：" + r.choice(["普通件", "速件", "最速件"]), "密等及解密條件或保密期限：" + r.choice(["普通", "普通", "（空白）"]),
              "附件：" + r.choice(["如主旨", "無", "計畫書1份", "檢核表1份"])]:
        p.t((60, y), s, 24, kind="serif"); y += 38
    subj = r.choice(["有關本府辦理%d年度公務機密維護稽核作業，請各機關於期限內完成自評，請查照。",
                     "檢送本署%d年度資訊安全稽核計畫1份，請配合辦理。",
                     "為辦理%d年度防火管理業務檢查，請貴單位指派人員出席說明會。",
                     "有關%d年度各機關採購稽核結果暨缺失改善一案，請查照。",
                     "為落實%d年度食品衛生稽查業務，訂於下月召開聯繫會議，請派員參加。"]) % yy
    y = p.wrap(60, y + 20, "主旨：" + subj, 880, 30, kind="serif", indent=90, key=True)
    p.t((60, y + 10), "說明：", 28, kind="serif"); y += 60
    for i, s in enumerate(["依據%s辦理。" % r.choice(["行政院%d年%d月%d日院臺綜字第%d號函" % (yy, mm, r.randrange(1, 29), r.randrange(10 ** 9, 10 ** 10)), "本府年度工作計畫", "機關公務機密維護要點"]),
                           "請各單位確實檢視公文、個資檔案之保管與傳遞方式，勿以即時通訊軟體傳送機敏資料。",
                           "聯絡窗口：本案請逕洽%s%s，電話%s；民眾陳情請轉1999專線。" % (off, title_of(r), office(r, city))]):
        y = p.wrap(60, y, "%s、%s" % ("一二三"[i], s), 880, 26, kind="serif", indent=52) + 6
    p.t((60, y + 20), "正本：" + r.choice(["本府各一級機關", "各區公所"]) + "　副本：本府政風處", 22, kind="serif")
    p.t((560, y + 120), r.choice(["局長", "署長", "處長", "主任"]) + "　" + name(r, 2), 48, kind="serifb")
    if r.random() < 0.4:
        p.stamp("%s\n收文 %d.%d.%d" % (ag[:6], yy, mm, r.randrange(1, 29)), (820, 1330), 22, (30, 60, 200), r.uniform(-6, 6))
    return p, "paper", dict(types=[], note="official letter (函), subject with 稽核/稽查/檢查, 密等 普通, officer's office line", hard=True)


def d_inspection_result(r):
    p = A4()
    ag, _, short, _, _ = _topic(r)
    yy = r.choice([114, 115])
    p.t((500, 70), "%s %d年度%s結果" % (ag, yy, short), 32, anchor="mm", kind="sansb", key=True)
    p.t((500, 120), "（本表依政府資訊公開法主動公開）", 22, (90, 90, 90), anchor="mm")
    rows = [["編號", "業者名稱", "地址", "日期", "結果"]]
    for i in range(18):
        res = r.choice(["合格", "合格", "合格", "限期改正", "處罰鍰%d萬元" % r.randrange(3, 30)])
        rows.append([i + 1, r.choice(SHOPS) + r.choice(["餐廳", "小吃店", "KTV", "超市", "旅館", "工廠"]), address(r, floor=False)[:14],
                     "%d/%d" % (r.randrange(1, 13), r.randrange(1, 29)), res])
    y = p.table(40, 160, [70, 230, 370, 110, 140], rows, 20, 56)
    p.t((40, y + 30), "查詢專線：%s；市民熱線1999" % office(r), 22)
    return p, "paper", dict(types=[], note="published inspection results table with businesses and penalties", hard=True)


def d_award_notice(r):
    p = A4()
    ag, _ = _agency(r)
    p.t((500, 70), "決標公告", 48, anchor="mm", kind="sansb", key=True)
    p.t((500, 125), "政府電子採購網　公告日：%d/%02d/%02d" % (r.choice([114, 115]), r.randrange(1, 13), r.randrange(1, 29)), 22, (80, 80, 80), anchor="mm")
    base = r.randrange(80, 5000) * 10000
    floor = int(base * r.uniform(0.85, 0.97) // 1000 * 1000)
    award = int(floor * r.uniform(0.9, 0.999) // 100 * 100)
    rows = [["欄位", "內容"],
            ["機關名稱", ag], ["標案案號", "%s%d-%03d" % (r.choice(["A", "B", "LP", "GE"]), r.choice([114, 115]), r.randrange(1, 300))],
            ["標案名稱", r.choice(["辦公廳舍空調汰換工程", "公務機密維護宣導委託案", "資訊設備採購", "稽查車輛租賃案", "清潔勞務委外"])],
            ["招標方式", r.choice(["公開招標", "限制性招標", "選擇性招標"])], ["決標方式", r.choice(["最低標", "最有利標"])],
            ["投標廠商家數", str(r.randrange(2, 9))], ["開標時間", "%d/%02d/%02d 10:00" % (r.choice([114, 115]), r.randrange(1, 13), r.randrange(1, 29))],
            ["底價金額", money(floor) + " 元"], ["決標金額", money(award) + " 元"],
            ["得標廠商", firm(r)], ["得標廠商統一編號", ubn(r)], ["是否受機關補助", "否"]]
    p.table(60, 170, [280, 600], rows, 24, 62, align="left", key_rows={8, 9, 10})
    p.t((60, 1100), "聯絡人：%s　電話：%s" % (name(r), office(r)), 22)
    return p, "paper", dict(types=[], note="published award notice (決標公告) with 底價 and award amount", hard=True)


def _id_front(p, r, nm, idn, birth, sex, x0=0, y0=0, specimen=False):
    d = p.d
    d.rounded_rectangle((x0 + 10, y0 + 10, x0 + 1010, y0 + 640), 30, fill=(225, 238, 228), outline=(150, 170, 160), width=2)
    for k in range(0, 1000, 40):
        d.arc((x0 + k - 300, y0 + 100, x0 + k + 300, y0 + 700), 200, 340, fill=(200, 225, 210), width=1)
    p.t((x0 + 60, y0 + 40), "中華民國國民身分證", 50, (30, 60, 50), "serifb")
    p.t((x0 + 60, y0 + 130), "姓名", 28, (70, 90, 80)); p.t((x0 + 170, y0 + 115), nm, 56, (10, 10, 10), "serifb", key=True)
    p.t((x0 + 60, y0 + 230), "出生", 28, (70, 90, 80)); p.t((x0 + 170, y0 + 222), "民國 %d 年 %d 月 %d 日" % birth, 36, key=True)
    p.t((x0 + 60, y0 + 300), "性別", 28, (70, 90, 80)); p.t((x0 + 170, y0 + 292), "男" if sex == 1 else "女", 36)
    p.t((x0 + 60, y0 + 370), "發證日期", 28, (70, 90, 80)); p.t((x0 + 210, y0 + 362), "民國%d年%d月%d日（%s）" % (r.randrange(95, 114), r.randrange(1, 13), r.randrange(1, 29), r.choice(["換發", "補發", "初發"])), 30)
    p.t((x0 + 60, y0 + 540), "統一編號", 28, (70, 90, 80)); p.t((x0 + 230, y0 + 520), idn, 60, (160, 20, 20), "sansb", key=True)
    p.face((x0 + 700, y0 + 120, x0 + 960, y0 + 460), r)


def _id_back(p, r, x0=0, y0=0):
    d = p.d
    d.rounded_rectangle((x0 + 10, y0 + 10, x0 + 1010, y0 + 640), 30, fill=(235, 240, 232), outline=(150, 170, 160), width=2)
    rows = [("父", name(r)), ("母", name(r)), ("配偶", r.choice([name(r), ""])), ("役別", r.choice(["常備役", "替代役", "免役", ""])),
            ("出生地", r.choice(CITIES)[0]), ("住址", address(r))]
    y = y0 + 60
    for k, v in rows:
        p.t((x0 + 60, y), k, 28, (70, 90, 80)); p.t((x0 + 200, y - 4), v, 34, key=(k == "住址")); y += 80
    p.barcode(x0 + 60, y0 + 540, 600, 70, r)
    p.t((x0 + 700, y0 + 560), "%010d" % r.randrange(10 ** 10), 24, (60, 60, 60))


def d_specimen_id(r):
    p = Page(1020, 650 if r.random() < 0.6 else 1320, (245, 245, 245))
    both = p.h > 700
    idn = r.choice(["A123456789", "A123456789", "A234567890", "F123456789"])
    _id_front(p, r, r.choice(["陳筱玲", "王小明", "林美麗", "張三"]), idn, (r.randrange(60, 90), r.randrange(1, 13), r.randrange(1, 29)), 2 if idn[1] == "2" else 1)
    if both:
        _id_back(p, r, 0, 660)
    mark = r.choice(["樣本", "SPECIMEN", "樣　張", "範例"])
    if r.random() < 0.5:
        p.watermark(mark, 150, alpha=110, angle=r.uniform(15, 35), reps=2 if both else 1, key=True)
    else:
        p.stamp(mark, (520, 330), 110, angle=r.uniform(-20, 20), alpha=200, key=True)
    return p, "card", dict(types=[], note="specimen ID card marked %s (published example number)" % mark, hard=True)


FORMS = [("戶籍謄本申請書", ["申請人姓名", "身分證統一編號", "出生日期", "戶籍地址", "聯絡電話", "申請份數"]),
         ("陳情（檢舉）書", ["陳情人姓名", "身分證統一編號", "聯絡電話", "通訊地址", "陳情事項", "檢附證據"]),
         ("入出國日期證明書申請書", ["申請人姓名", "身分證統一編號", "出生日期", "護照號碼", "申請期間", "用途"]),
         ("公務人員請假單", ["姓名", "職稱", "假別", "請假期間", "職務代理人", "事由"]),
         ("監視器影像調閱申請單", ["申請單位", "申請人", "調閱期間", "調閱地點", "調閱事由", "核准人"]),
         ("國民身分證補換發申請書", ["姓名", "身分證統一編號", "出生日期", "住址", "補換發原因", "聯絡電話"]),
         ("個人資料查詢申請單", ["申請人", "身分證統一編號", "查詢事由", "查詢系統", "主管核章", "查詢日期"])]


def _form(p, r, title, fields, values=None):
    p.t((500, 80), title, 44, anchor="mm", kind="sansb", key=True)
    y = 160
    for i, f in enumerate(fields):
        p.d.rectangle((60, y, 340, y + 110), fill=(240, 240, 240), outline=(0, 0, 0), width=2)
        p.d.rectangle((340, y, 940, y + 110), outline=(0, 0, 0), width=2)
        p.t((200, y + 55), f, 28, anchor="mm")
        if "統一編號" in f and values is None:
            for k in range(10):
                p.d.rectangle((360 + k * 55, y + 30, 405 + k * 55, y + 80), outline=(0, 0, 0), width=2)
        elif "日期" in f and values is None:
            p.t((360, y + 55), "民國　　　年　　　月　　　日", 28, anchor="lm")
        if values is not None and values[i]:
            p.t((370, y + 55), values[i], 32, (20, 40, 160), anchor="lm", key=True)
        y += 110
    p.t((60, y + 40), "申請人簽章：", 28)
    p.t((60, y + 120), "※ 本表所蒐集之個人資料僅供本案使用，依個人資料保護法妥善保管。", 22, (90, 90, 90))
    return y


def d_blank_form(r):
    p = A4()
    title, fields = r.choice(FORMS)
    _form(p, r, title, fields)
    return p, "paper", dict(types=[], note="blank form '%s' with empty ID boxes" % title, hard=("檢舉" in title or "統一編號" in "".join(fields)))


def d_example_form(r):
    p = A4()
    title, fields = r.choice([f for f in FORMS if "統一編號" in "".join(f[1]) or "申請人" in f[1]])
    vals = []
    for f in fields:
        vals.append({"申請人姓名": "王小明", "陳情人姓名": "王大明", "姓名": "王小明", "申請人": "王小明",
                     "身分證統一編號": "A123456789", "出生日期": "民國70年1月1日", "戶籍地址": "臺北市中正區重慶南路一段122號",
                     "住址": "臺北市中正區重慶南路一段122號", "通訊地址": "臺北市中正區重慶南路一段122號",
                     "聯絡電話": "(02)2311-xxxx", "護照號碼": "3000000XX", "申請份數": "2份"}.get(f, "（範例）"))
    _form(p, r, title, fields, vals)
    mark = r.choice(["填寫範例", "填表範例", "範　例"])
    p.stamp(mark, (780, 80), 52, (210, 20, 20), angle=r.uniform(-12, 12), key=True)
    if r.random() < 0.5:
        p.watermark("範例", 200, alpha=60, angle=30)
    return p, "paper", dict(types=[], note="form filled in as a marked example (%s) with the published sample ID" % mark, hard=True)


SLIDES = [
    ("公務機密維護　常見洩密態樣", ["將民眾身分證、健保卡照片傳到LINE群組", "拘票、搜索票執行前告知當事人或親友",
                                 "開標前透露投標廠商家數或名單", "考績、陞遷結果核定前外流評分資料", "向被檢舉人透露檢舉人身分"]),
    ("刑法第132條　洩漏國防以外秘密罪", ["公務員洩漏或交付應秘密之文書、圖畫、消息或物品", "處3年以下有期徒刑", "過失洩漏者亦有處罰（第2項）",
                                     "「應秘密」不以法令明文為限", "已公開之資訊不再屬秘密"]),
    ("個人資料保護法重點", ["第2條：姓名、出生年月日、身分證統一編號皆屬個資", "第19、20條：蒐集、利用應在特定目的範圍內",
                          "第41條：意圖營利違法利用，有刑事責任", "查詢系統應有公務需要並留存紀錄", "傳送前先遮蔽：A1****6789、王○明"]),
    ("政府採購法第34條", ["招標文件公告前應保密", "底價於決標前應保密，決標後除另有規定外應公開", "投標廠商名稱、家數開標前不得透露",
                         "評選委員名單原則上於開標前保密", "決標公告上網後即屬公開資訊"]),
    ("陳情檢舉案件處理", ["檢舉人姓名、聯絡方式應予保密", "行政程序法第170條", "行政院處理人民陳情案件要點第18點",
                         "回覆陳情人前，轉陳資料應去識別化", "範例：陳情人 林○○（姓名已遮蔽）"]),
    ("LINE群組使用守則", ["公務群組不傳機密、密件文書", "傳送前確認對象，避免誤傳", "截圖前先遮蔽個資欄位", "下班後手機設密碼鎖",
                         "發現誤傳立即收回並通報政風室"]),
]


def d_training_slide(r):
    p = Page(1600, 900, r.choice([(255, 255, 255), (245, 248, 255), (250, 250, 240)]))
    col = r.choice([(20, 70, 140), (150, 30, 30), (20, 110, 80), (90, 50, 130)])
    title, bullets = r.choice(SLIDES)
    p.d.rectangle((0, 0, 1600, 150), fill=col)
    p.t((70, 75), title, 60, (255, 255, 255), "sansb", "lm", key=True)
    y = 210
    for b in bullets:
        p.d.ellipse((80, y + 18, 100, y + 38), fill=col)
        p.t((130, y), b, 44); y += 110
    p.t((1530, 860), "%s政風室　%d年度公務機密維護講習　%d" % (_agency(r)[0], r.choice([114, 115]), r.randrange(2, 40)), 24, (120, 120, 120), anchor="rs")
    if r.random() < 0.35:
        p.d.rounded_rectangle((1150, 620, 1550, 800), 16, fill=(255, 245, 200), outline=col, width=3)
        p.t((1350, 670), "檢舉專線", 30, col, "sansb", "mm")
        p.t((1350, 740), "0800-286-586", 40, col, "sansb", "mm")
    return p, "screen", dict(types=[], note="training slide about the rules: '%s'" % title, hard=True, title=None)


CHATS = [
    [("科長", "提醒大家：民眾證件照片不要傳到群組喔"), ("me", "收到👌"), ("", "那要核對身分怎麼辦？"), ("科長", "用公務系統看，不要拍照傳"), ("", "了解，謝謝科長")],
    [("", "請問決標公告上網了嗎？"), ("me", "上午已經上網了，底價跟決標金額都在公告上"), ("", "好，那我回覆廠商去看採購網"), ("股長", "👍")],
    [("政風", "下週三下午兩點公務機密講習，地點3樓大禮堂"), ("", "要簽到嗎？"), ("政風", "要，會有2小時數位學習時數"), ("me", "OK")],
    [("", "陳情案回覆的時候，陳情人的電話要遮嗎？"), ("科長", "一律遮，0912-***-*** 這樣"), ("", "好的"), ("me", "名字也寫林○○就好")],
    [("me", "稽查組的公務車今天送保養"), ("", "那下午外勤改騎機車"), ("科長", "注意安全，記得戴安全帽")],
    [("", "拘票要記載什麼？明天考試會考"), ("學長", "被告姓名、案由、應解送處所，刑訴法第77條"), ("me", "感謝學長🙏")],
    [("秘書", "人事室通知：新任科長派令已生效，下週一交接"), ("", "恭喜！"), ("me", "歡迎新科長🎉")],
    [("", "有民眾問停電的事"), ("me", "請他打1999，或台電1911"), ("", "好")],
    [("資訊室", "身分證字號欄位下週改遮蔽顯示，系統會上版"), ("", "所以前台只會看到 A1****6789？"), ("資訊室", "對，要完整要主管權限")],
    [("me", "誤傳訊息要馬上收回，並回報政風室"), ("", "收回有時間限制嗎"), ("me", "LINE是24小時內"), ("股長", "好的大家注意")],
]


def d_chat_rules(r):
    conv = r.choice(CHATS)
    p = Page(1080, 1700, (140, 160, 190) if r.random() < 0.6 else (200, 215, 235))
    grp = r.choice(["稽查科工作群", "政風聯繫群組", "行政科公務群", "第一股", "採購小組", "服務中心同仁"])
    p.d.rectangle((0, 0, 1080, 110), fill=(40, 50, 70))
    p.t((60, 55), "＜  %s(%d)" % (grp, r.randrange(5, 40)), 38, (255, 255, 255), "sansb", "lm", key=True)
    y = 150
    hh, mm = r.randrange(8, 18), r.randrange(60)
    for who, msg in conv:
        f = F(36)
        lines = wrap_lines(msg, f, 620)
        bh = len(lines) * 50 + 30
        bw = max(f.getlength(x) for x in lines) + 50
        mm = (mm + r.randrange(1, 5)) % 60
        ts = "%s%d:%02d" % ("上午" if hh < 12 else "下午", hh if hh <= 12 else hh - 12, mm)
        if who == "me":
            x1 = 1040
            p.d.rounded_rectangle((x1 - bw, y, x1, y + bh), 28, fill=(133, 226, 108))
            for i, ln in enumerate(lines):
                p.t((x1 - bw + 25, y + 15 + i * 50), ln, 36)
            p.t((x1 - bw - 10, y + bh), ts, 20, (60, 60, 60), anchor="rd")
        else:
            nm = who or (r.choice(SURN) + r.choice(["哥", "姐", "小", "大"]) if r.random() < 0.5 else name(r))
            p.d.ellipse((30, y, 110, y + 80), fill=r.choice([(250, 200, 120), (120, 180, 250), (200, 150, 220), (150, 220, 160)]))
            p.t((130, y - 5), nm, 24, (255, 255, 255) if p.im.getpixel((5, 500))[0] < 170 else (40, 40, 40))
            y += 30
            p.d.rounded_rectangle((130, y, 130 + bw, y + bh), 28, fill=(255, 255, 255))
            for i, ln in enumerate(lines):
                p.t((155, y + 15 + i * 50), ln, 36)
            p.t((140 + bw, y + bh), ts, 20, (60, 60, 60), anchor="ld")
        y += bh + 45
    p.im = p.im.crop((0, 0, 1080, min(1700, y + 120)))
    p.h = p.im.height
    p.d = ImageDraw.Draw(p.im)
    p.d.rectangle((0, p.h - 100, 1080, p.h), fill=(250, 250, 250))
    p.t((60, p.h - 50), "輸入訊息", 30, (160, 160, 160), anchor="lm")
    return p, "screen", dict(types=[], note="LINE chat screenshot talking about the rules / routine work", hard=True, title=None)


def d_map(r):
    p = Page(1400, 1000, (242, 239, 233))
    for k in range(r.randrange(5, 9)):
        x = r.randrange(50, 1350)
        p.d.line((x, 0, x + r.randrange(-200, 200), 1000), fill=(255, 255, 255), width=r.choice([14, 20, 30]))
    for k in range(r.randrange(4, 8)):
        y = r.randrange(50, 950)
        p.d.line((0, y, 1400, y + r.randrange(-150, 150)), fill=(255, 255, 255), width=r.choice([14, 20, 30]))
    if r.random() < 0.5:
        p.d.line([(0, r.randrange(200, 800))] + [(x, r.randrange(200, 800)) for x in range(200, 1600, 200)], fill=(160, 200, 240), width=40)
    for k in range(8):
        x, y = r.randrange(50, 1300), r.randrange(50, 900)
        p.d.rectangle((x, y, x + r.randrange(40, 140), y + r.randrange(40, 120)), fill=r.choice([(200, 230, 200), (230, 220, 210), (220, 220, 230)]))
    for rd in r.sample(ROADS, 6):
        p.t((r.randrange(80, 1250), r.randrange(60, 950)), rd, 26, (90, 90, 90))
    tgt = r.choice(["市府大樓", "區公所", "集合地點：%s國小" % r.choice(["中正", "民生", "博愛", "忠孝"]), "第二辦公大樓", "活動會場", "避難收容處所"])
    x, y = r.randrange(300, 1000), r.randrange(250, 700)
    p.d.ellipse((x - 24, y - 24, x + 24, y + 24), fill=(220, 40, 40))
    p.t((x + 35, y - 20), tgt, 34, (200, 20, 20), "sansb", key=True)
    p.d.rectangle((20, 20, 560, 90), fill=(255, 255, 255), outline=(0, 0, 0))
    p.t((40, 55), r.choice(["交通位置圖", "防災演練集合地點", "會場位置圖", "停車場配置圖"]), 36, anchor="lm", kind="sansb")
    p.t((1380, 980), "比例尺 0 ── 200m", 22, anchor="rd")
    return p, "paper", dict(types=[], note="simple map with road names and a marked meeting point", hard=False)


def d_meeting_sign(r):
    p = Page(1400, 1000)
    room = r.choice(["第一會議室", "第二會議室", "301會議室", "簡報室", "大禮堂", "視訊會議室"])
    p.d.rectangle((0, 0, 1400, 160), fill=(30, 60, 110))
    p.t((700, 80), room + "　使用登記", 64, (255, 255, 255), "sansb", "mm", key=True)
    rows = [["時間", "會議名稱", "使用單位", "聯絡人(分機)"]]
    t = 9
    for _ in range(6):
        t2 = t + r.choice([1, 1, 2])
        rows.append(["%02d:00-%02d:00" % (t, t2), r.choice(["稽核業務協調會", "主管會報", "預算審查會", "內部控制檢查", "資安稽核說明會",
                                                           "採購評選會（決標後檢討）", "教育訓練", "廉政座談"]),
                     r.choice(["秘書室", "政風室", "稽查科", "會計室", "資訊室", "人事室"]), "%s(%d)" % (name(r), r.randrange(100, 900))])
        t = t2
        if t >= 17:
            break
    p.table(60, 220, [250, 460, 240, 330], rows, 30, 100)
    p.t((60, 950), "日期：%d年%d月%d日　借用請洽總務科（分機%d）" % (r.choice([114, 115]), r.randrange(1, 13), r.randrange(1, 29), r.randrange(100, 900)), 26)
    return p, "paper", dict(types=[], note="meeting-room booking sign (subjects with 稽核/檢查, colleague extensions)", hard=True)


def d_poster(r):
    bg = r.choice([(250, 245, 230), (230, 245, 255), (255, 240, 240), (240, 255, 240)])
    p = A4(bg)
    col = r.choice([(180, 20, 40), (20, 80, 160), (20, 120, 70), (200, 100, 0)])
    kind = r.choice(["ethics", "event", "blood", "secret"])
    if kind == "ethics":
        big, lines = "廉政宣導", ["公務機密　人人有責", "不傳民眾證件照片", "不洩漏稽查時程", "檢舉專線 0800-286-586", "市民熱線 1999"]
    elif kind == "event":
        big, lines = r.choice(["健走活動", "路跑報名", "家庭日"]), ["%d月%d日（六）上午8時" % (r.randrange(1, 13), r.randrange(1, 29)),
                                                               "地點：%s河濱公園" % r.choice(["大佳", "新店", "彩虹", "美堤"]), "報名：各單位庶務", "洽詢：%s" % office(r), "名額200人，額滿為止"]
    elif kind == "blood":
        big, lines = "捐血一袋　救人一命", ["%d月%d日 9:00-16:00" % (r.randrange(1, 13), r.randrange(1, 29)), "地點：本府一樓中庭",
                                        "捐血即贈紀念品", "洽詢：%s" % office(r), "台灣血液基金會"]
    else:
        big, lines = "保密防諜", ["機密文件　不拍不傳", "離開座位　螢幕上鎖", "列印文件　即時取件", "廢棄文件　碎紙銷毀", "資安通報 分機%d" % r.randrange(100, 900)]
    p.d.rectangle((0, 0, 1000, 330), fill=col)
    p.t((500, 165), big, 96 if len(big) <= 5 else 70, (255, 255, 255), "sansb", "mm", key=True)
    y = 420
    for ln in lines:
        p.t((500, y), ln, 52, col if y == 420 else (40, 40, 40), "sansb", "mm"); y += 120
    p.t((500, 1350), _agency(r)[0] + "　關心您", 30, (90, 90, 90), anchor="mm")
    return p, "paper", dict(types=[], note="poster (%s) with public hotlines" % kind, hard=kind in ("ethics", "secret"))


def d_whiteboard(r):
    p = Page(1500, 1000, (246, 247, 244))
    p.d.rectangle((0, 0, 1499, 999), outline=(170, 170, 175), width=24)
    todo = r.sample(["週三 10:00 稽查組會報", "報表 %d/%d 前交" % (r.randrange(1, 13), r.randrange(1, 29)), "分機%d 找小%s" % (r.randrange(200, 900), r.choice(SURN)),
                     "採購案 決標公告 已上網", "公文稽核 自評表", "消防演練 %d/%d" % (r.randrange(1, 13), r.randrange(1, 29)), "便當 12份 阿美",
                     "1999 案件 本週 %d 件" % r.randrange(5, 60), "會議室 改 3F", "教育訓練 簽到", "考績作業 時程 → 人事室公告"], 6)
    y = 80
    for i, tline in enumerate(todo):
        col = r.choice([(20, 20, 20), (20, 40, 160), (180, 20, 20), (20, 110, 40)])
        x = 80 + r.randrange(0, 40)
        fk, fs = r.choice(["sans", "wqy"]), 54 + r.randrange(-4, 5)
        for ch in "%d. %s" % (i + 1, tline):
            f = F(fs + r.randrange(-2, 3), fk)
            p.d.text((x, y + r.randrange(-3, 4)), ch, font=f, fill=col)
            x += f.getlength(ch) + r.randrange(-1, 4)
        y += 140
    p.key((60, 60, 1400, y))
    return p, "board", dict(types=[], note="office whiteboard with to-do list", hard=False)


def d_chart(r):
    p = Page(1400, 900)
    kind = r.choice(["bar", "line"])
    title = r.choice(["%d年1-6月陳情案件數", "%d年各科稽查件數", "%d年1999進線量", "%d年公文逾期件數", "%d年資安事件通報數"]) % r.choice([114, 115])
    p.t((700, 50), title, 44, anchor="mm", kind="sansb", key=True)
    labels = r.choice([["1月", "2月", "3月", "4月", "5月", "6月"], ["一科", "二科", "三科", "四科", "五科"], ["Q1", "Q2", "Q3", "Q4"]])
    vals = [r.randrange(10, 500) for _ in labels]
    mx = max(vals) * 1.15
    x0, y0, x1, y1 = 150, 120, 1330, 780
    p.d.line((x0, y0, x0, y1), fill=(0, 0, 0), width=2); p.d.line((x0, y1, x1, y1), fill=(0, 0, 0), width=2)
    for k in range(6):
        yy = y1 - (y1 - y0) * k / 5
        p.d.line((x0, yy, x1, yy), fill=(220, 220, 220))
        p.t((x0 - 10, yy), str(int(mx * k / 5)), 22, anchor="rm")
    n = len(labels)
    step = (x1 - x0) / n
    pts = []
    col = r.choice([(60, 120, 200), (220, 120, 40), (60, 160, 90)])
    for i, (lb, v) in enumerate(zip(labels, vals)):
        cx = x0 + step * (i + 0.5)
        h = (y1 - y0) * v / mx
        if kind == "bar":
            p.d.rectangle((cx - step * 0.3, y1 - h, cx + step * 0.3, y1), fill=col)
        pts.append((cx, y1 - h))
        p.t((cx, y1 - h - 10), str(v), 24, anchor="mb")
        p.t((cx, y1 + 15), lb, 26, anchor="ma")
    if kind == "line":
        p.d.line(pts, fill=col, width=5)
        for q in pts:
            p.d.ellipse((q[0] - 8, q[1] - 8, q[0] + 8, q[1] + 8), fill=col)
    p.t((1330, 880), "資料來源：%s" % _agency(r)[0], 20, (100, 100, 100), anchor="rd")
    return p, "screen", dict(types=[], note="%s chart of statistics" % kind, hard=False, title=None)


def _mask_name(n):
    return n[0] + "○" * (len(n) - 1) if len(n) == 2 else n[0] + "○" + n[2:]


def d_masked_list(r):
    p = A4()
    p.t((500, 70), r.choice(["陳情案件處理情形一覽表", "1999案件回覆情形", "民眾申請案件辦理進度"]), 40, anchor="mm", kind="sansb", key=True)
    p.t((500, 120), "（個資已遮蔽）", 24, (200, 0, 0), anchor="mm")
    rows = [["案號", "陳情人", "聯絡電話", "身分證號", "處理情形"]]
    for i in range(16):
        idn = nid(r)
        ph = mobile(r)
        rows.append(["%d%04d" % (r.choice([114, 115]), r.randrange(10000)), _mask_name(name(r)), ph[:4] + "-***-***" if r.random() < 0.5 else "****-***-" + ph[-3:],
                     idn[:3] + "****" + idn[-3:] if r.random() < 0.6 else idn[0] + "*****" + idn[-4:], r.choice(["已函復", "處理中", "已結案", "移送他機關"])])
    p.table(40, 160, [150, 150, 220, 220, 180], rows, 24, 60, key_rows={1, 2})
    p.t((40, 1200), "承辦：%s %s" % (name(r), office(r)), 22)
    return p, "paper", dict(types=[], note="case list with names, phones and IDs already masked", hard=True)


def d_personnel_effective(r):
    p = A4()
    ag, code = _agency(r)
    yy = r.choice([114, 115])
    p.t((500, 70), ag + "　人事命令", 40, anchor="mm", kind="serifb", key=True)
    p.t((60, 140), "發文字號：%s人字第%d號　生效日期：%d年%d月%d日" % (code, r.randrange(10 ** 9, 10 ** 10), yy, r.randrange(1, 13), 1), 22, kind="serif")
    p.t((60, 180), r.choice(["下列人員陞遷案業經核定，自生效日起生效。", "本局%d年度陞任人員名單（已核定，公告周知）" % yy]), 26, kind="serif")
    rows = [["姓名", "原職稱", "新職稱", "新單位", "生效日"]]
    for _ in range(r.randrange(5, 12)):
        rows.append([name(r), r.choice(["科員", "專員", "股長", "技士"]), r.choice(["股長", "專員", "科長", "視察", "技正"]),
                     r.choice(["稽查科", "秘書室", "行政科", "第二科", "企劃科"]), "%d.%d.1" % (yy, r.randrange(1, 13))])
    y = p.table(60, 240, [180, 180, 180, 200, 140], rows, 24, 60)
    p.t((60, y + 40), "人事室 %s" % office(r), 22, kind="serif")
    p.stamp("已核定", (820, 120), 40, angle=r.uniform(-10, 10))
    return p, "paper", dict(types=[], note="personnel order already approved and in effect", hard=True)


def d_tender_notice(r):
    p = A4()
    ag, _ = _agency(r)
    p.t((500, 70), "招標公告", 48, anchor="mm", kind="sansb", key=True)
    yy = r.choice([114, 115])
    rows = [["欄位", "內容"], ["機關名稱", ag], ["標案案號", "%s%d-%03d" % (r.choice(["A", "LP", "GE"]), yy, r.randrange(1, 300))],
            ["標案名稱", r.choice(["公務車輛租賃", "資訊安全稽核委外服務", "辦公室清潔勞務", "防災宣導品採購", "機關網站維運"])],
            ["招標方式", "公開招標"], ["預算金額", money(r.randrange(100, 9000) * 1000) + " 元"], ["預算金額是否公開", "是"],
            ["截止投標", "%d/%02d/%02d 17:00" % (yy, r.randrange(1, 13), r.randrange(1, 29))], ["開標時間", "%d/%02d/%02d 10:00" % (yy, r.randrange(1, 13), r.randrange(1, 29))],
            ["開標地點", "本機關%s" % r.choice(["第一會議室", "3樓開標室"])], ["聯絡人", "%s %s" % (name(r), office(r))]]
    p.table(60, 140, [260, 620], rows, 24, 70, align="left")
    p.t((60, 1000), "資料來源：政府電子採購網（公開資訊）", 22, (90, 90, 90))
    return p, "paper", dict(types=[], note="public tender notice (budget public, opening date)", hard=False)


# ============================================================================= FLAG documents
def d_id_card(r):
    sex = r.choice([1, 2])
    nm, idn, birth = name(r), nid(r, sex), roc_date(r)
    both = r.random() < 0.45
    p = Page(1020, 1320 if both else 650, (245, 245, 245))
    _id_front(p, r, nm, idn, birth, sex)
    types = ["tw_national_id", "person_name", "birth_date"]
    if both:
        _id_back(p, r, 0, 660)
        types.append("address")
    return p, "card", dict(types=types, note="ID card of a real-looking person, valid-checksum ID" + (", front and back" if both else ", front"), hard=False)


def d_nhi_card(r):
    sex = r.choice([1, 2])
    nm, idn, birth = name(r), nid(r, sex), roc_date(r, 40, 110)
    p = Page(1020, 650, (245, 245, 245))
    p.d.rounded_rectangle((10, 10, 1010, 640), 30, fill=(250, 250, 252), outline=(170, 170, 180), width=2)
    p.d.rectangle((10, 40, 1010, 130), fill=(0, 120, 80))
    p.t((60, 85), "全民健康保險", 46, (255, 255, 255), "sansb", "lm")
    p.t((980, 85), "National Health Insurance", 26, (255, 255, 255), anchor="rm")
    p.d.rounded_rectangle((60, 220, 180, 310), 10, fill=(220, 190, 100), outline=(160, 130, 60))
    p.t((230, 170), nm, 60, kind="sansb", key=True)
    p.t((230, 280), idn, 48, kind="sansb", key=True)
    p.t((230, 370), "%d/%02d/%02d" % (birth[0] + 1911, birth[1], birth[2]), 44, key=True)
    p.t((60, 560), "卡號 0000 %04d %04d" % (r.randrange(10000), r.randrange(10000)), 30, (80, 80, 80))
    p.face((720, 170, 960, 480), r)
    return p, "card", dict(types=["tw_national_id", "person_name", "birth_date"], note="health-insurance card, valid-checksum ID", hard=False)


def d_household(r):
    p = A4((255, 255, 250))
    city = r.choice(CITIES)[0]
    p.t((500, 60), "戶籍謄本（現戶全部）", 44, anchor="mm", kind="serifb", key=True)
    p.t((60, 120), "%s%s戶政事務所　列印日期：%d年%d月%d日" % (city, r.choice(next(c for c in CITIES if c[0] == city)[1]), r.choice([114, 115]), r.randrange(1, 13), r.randrange(1, 29)), 22, kind="serif")
    addr = address(r, city)
    p.t((60, 165), "戶號：%s%05d　住址：%s" % (r.choice("ABCDEFGH"), r.randrange(100000), addr), 24, kind="serif", key=True)
    sur = r.choice(SURN)
    rows = [["稱謂", "姓名", "出生日期", "統一編號", "出生地", "父", "母"]]
    fa = sur + "".join(r.choice(GIVEN) for _ in range(2))
    mo = name(r)
    by = r.randrange(45, 70)
    rows.append(["戶長", fa, "%d年%d月%d日" % (by, r.randrange(1, 13), r.randrange(1, 29)), nid(r, 1), city, name(r), name(r)])
    rows.append(["配偶", mo, "%d年%d月%d日" % (by + r.randrange(-3, 5), r.randrange(1, 13), r.randrange(1, 29)), nid(r, 2), r.choice(CITIES)[0], name(r), name(r)])
    for _ in range(r.randrange(1, 4)):
        sx = r.choice([1, 2])
        rows.append(["長子" if sx == 1 else "長女", sur + "".join(r.choice(GIVEN) for _ in range(2)), "%d年%d月%d日" % (by + r.randrange(22, 35), r.randrange(1, 13), r.randrange(1, 29)),
                     nid(r, sx), city, fa, mo])
    p.table(30, 220, [80, 130, 180, 170, 110, 120, 120], rows, 20, 70, kind="serif", key_rows={1, 2})
    p.t((60, 1300), "本謄本係依戶籍資料核發　%s戶政事務所（印）" % city, 22, kind="serif")
    p.stamp("戶政事務所\n核發專用章", (800, 1200), 28, angle=r.uniform(-8, 8))
    return p, "paper", dict(types=["person_name", "tw_national_id", "birth_date", "address"], note="household register transcript of a family", hard=False)


def d_warrant(r):
    p = A4()
    city = r.choice(CITIES)[0]
    nm = name(r)
    yy = r.choice([115, 116, 116])
    mo, da = (r.randrange(1, 13), r.randrange(1, 28)) if yy == 116 else (12, r.randrange(10, 28))
    if r.random() < 0.5:
        p.t((500, 70), "臺灣%s地方檢察署　拘票" % city[:2], 42, anchor="mm", kind="serifb", key=True)
        p.t((60, 130), "%d年度偵字第%d號" % (yy - 1, r.randrange(1000, 30000)), 24, kind="serif")
        idn = nid(r)
        rows = [["項目", "內容"], ["被告姓名", nm], ["性別", r.choice(["男", "女"])], ["出生年月日", "民國%d年%d月%d日" % roc_date(r, 55, 90)],
                ["身分證統一編號", idn], ["住居所", address(r, city)], ["案由", r.choice(["違反毒品危害防制條例", "詐欺", "貪污治罪條例", "洗錢防制法"])],
                ["拘提之理由", "經合法傳喚，無正當理由不到場"], ["應解送處所", "本署第%d偵查庭" % r.randrange(1, 20)],
                ["執行期間", "%d年%d月%d日前" % (yy, mo, da)], ["執行結果", "（尚未執行）"]]
        types = ["warrant", "person_name", "tw_national_id", "address", "birth_date"]
        wk = "拘票"
    else:
        p.t((500, 70), "臺灣%s地方法院　搜索票" % city[:2], 42, anchor="mm", kind="serifb", key=True)
        p.t((60, 130), "%d年聲搜字第%d號" % (yy - 1, r.randrange(100, 3000)), 24, kind="serif")
        rows = [["項目", "內容"], ["案由", r.choice(["違反毒品危害防制條例", "違反槍砲彈藥刀械管制條例", "詐欺", "賭博"])], ["應受搜索之人", nm],
                ["應搜索之處所", address(r, city)], ["應扣押之物", r.choice(["毒品、手機、帳冊", "槍枝、子彈", "人頭帳戶存摺、提款卡", "簽賭單據"])],
                ["有效期間", "自%d年%d月%d日起至%d年%d月%d日止" % (yy, mo, da, yy, mo, da + 1)], ["執行人員", r.choice(["刑事警察大隊", "調查站", "分局偵查隊"])],
                ["執行結果", "（空白）"]]
        types = ["warrant", "person_name", "address"]
        wk = "搜索票"
    p.table(60, 180, [260, 620], rows, 26, 80, align="left", kind="serif", key_rows={1, 2, 3, 4})
    p.t((560, 1200), "%s　%s" % ("檢察官" if wk == "拘票" else "法官", name(r)), 36, kind="serifb")
    p.stamp("%s地方%s" % (city[:2], "檢察署" if wk == "拘票" else "法院"), (800, 1300), 28, angle=r.uniform(-6, 6))
    return p, "paper", dict(types=types, note="%s before execution, names the target" % wk, hard=False)


def d_query_screen(r):
    kind = r.choice(["household", "immig", "vehicle"])
    p = Page(1600, 1000, (236, 240, 245))
    nm, idn = name(r), nid(r)
    titles = {"household": "戶役政資訊系統　個人戶籍資料查詢", "immig": "入出國及移民資訊系統　入出境紀錄查詢", "vehicle": "車籍資料查詢系統"}
    p.d.rectangle((0, 0, 1600, 80), fill=(30, 70, 130))
    p.t((30, 40), titles[kind], 34, (255, 255, 255), "sansb", "lm", key=True)
    p.t((1570, 40), "使用者：%s%03d　%s" % (r.choice(["ps", "im", "ra"]), r.randrange(1000), "2026/%02d/%02d %02d:%02d" % (r.randrange(1, 13), r.randrange(1, 29), r.randrange(8, 18), r.randrange(60))),
        22, (220, 230, 240), anchor="rm")
    p.d.rectangle((30, 110, 1570, 190), fill=(255, 255, 255), outline=(180, 180, 190))
    p.t((60, 150), "統一編號：", 28, anchor="lm")
    p.d.rectangle((220, 125, 560, 175), outline=(120, 120, 140), width=2)
    p.t((235, 150), idn, 30, anchor="lm", key=True)
    p.d.rounded_rectangle((600, 125, 720, 175), 8, fill=(40, 110, 200))
    p.t((660, 150), "查詢", 28, (255, 255, 255), anchor="mm")
    birth = roc_date(r)
    rows = [["欄位", "資料"], ["姓名", nm], ["統一編號", idn], ["出生日期", "%d年%d月%d日" % birth], ["戶籍地址", address(r)], ["聯絡電話", mobile(r)]]
    types = ["tw_national_id", "person_name", "birth_date", "address", "phone_number"]
    y = p.table(30, 220, [260, 620], rows, 26, 62, align="left", header_fill=(210, 220, 235), key_rows={1, 2})
    if kind == "immig":
        tr = [["日期", "出/入", "航班", "地點"]]
        for _ in range(6):
            tr.append(["%d/%02d/%02d" % (r.randrange(2023, 2027), r.randrange(1, 13), r.randrange(1, 29)), r.choice(["出境", "入境"]),
                       r.choice(["CI", "BR", "JX", "IT"]) + str(r.randrange(100, 999)), r.choice(["桃園→東京", "桃園→曼谷", "高雄→大阪", "松山→上海", "桃園→胡志明市"])])
        p.table(940, 220, [180, 100, 130, 220], tr, 24, 62, header_fill=(210, 220, 235))
        types.append("travel_record")
    elif kind == "vehicle":
        tr = [["車牌", "廠牌", "顏色", "登記日"]]
        for _ in range(2):
            tr.append(["%s-%04d" % ("".join(r.choice("ABCDEFGHKLMNPRT") for _ in range(3)), r.randrange(10000)), r.choice(["TOYOTA", "HONDA", "YAMAHA", "SYM"]),
                       r.choice(["白", "黑", "銀", "紅"]), "%d/%02d" % (r.randrange(2010, 2026), r.randrange(1, 13))])
        p.table(940, 220, [180, 160, 90, 200], tr, 24, 62, header_fill=(210, 220, 235))
    else:
        tr = [["稱謂", "姓名", "出生"]]
        for rel in ["父", "母", "配偶"]:
            tr.append([rel, name(r), "%d.%d.%d" % roc_date(r, 20, 70)])
        p.table(940, 220, [120, 220, 250], tr, 24, 62, header_fill=(210, 220, 235))
    p.t((30, 960), "查詢事由：%s　※ 查詢紀錄將留存備查" % r.choice(["案件調查", "業務需要", "其他"]), 22, (120, 60, 60))
    return p, "screen", dict(types=types, note="query-system screenshot (%s) with a citizen's data" % kind, hard=False, title=None)


def _mark(p, r, marks, key=True):
    m = r.choice(marks)
    p.stamp(m, (r.choice([140, 860]), 80), 48, (210, 20, 20), angle=r.uniform(-8, 8), key=key)
    return m


def d_bid_price(r):
    p = A4()
    ag, _ = _agency(r)
    m = _mark(p, r, ["密", "限閱", "密件", "機密"])
    p.t((500, 170), "底價核定表", 48, anchor="mm", kind="sansb", key=True)
    base = r.randrange(80, 5000) * 10000
    sug = int(base * r.uniform(0.88, 0.98) // 1000 * 1000)
    fin = int(sug * r.uniform(0.97, 1.0) // 1000 * 1000)
    yy = r.choice([115, 115, 116])
    rows = [["項目", "內容"], ["機關", ag], ["標案案號", "%s%d-%03d" % (r.choice(["A", "LP", "GE"]), yy, r.randrange(1, 300))],
            ["標案名稱", r.choice(["辦公廳舍整修工程", "資訊設備汰換", "公務車輛採購", "道路刨鋪工程", "清潔勞務委外"])],
            ["預算金額", money(base) + " 元"], ["承辦單位建議底價", money(sug) + " 元"], ["核定底價", money(fin) + " 元"],
            ["開標日期", "%d年%d月%d日 10:00" % (yy, r.randrange(1, 13), r.randrange(1, 29))], ["核定人", "（簽章）"]]
    p.table(60, 240, [300, 580], rows, 26, 84, align="left", key_rows={5, 6})
    p.t((60, 1060), "※ 底價於決標前應予保密（政府採購法第34條）　開標前密封", 24, (160, 0, 0))
    p.t((60, 1110), "承辦人：%s　主計：%s　首長：%s" % (name(r), name(r), name(r)), 24)
    return p, "paper", dict(types=["procurement_secret", "classified_marking"], note="bid-price sheet marked %s before the opening" % m, hard=False)


def d_bidders(r):
    p = A4()
    ag, _ = _agency(r)
    marked = r.random() < 0.5
    m = _mark(p, r, ["限閱", "密"]) if marked else None
    yy = r.choice([115, 116])
    p.t((500, 170), "投標廠商名單", 46, anchor="mm", kind="sansb", key=True)
    p.t((500, 230), "%s　開標日：%d年%d月%d日（尚未開標）" % (r.choice(["資訊設備汰換案", "辦公廳舍整修工程", "清潔勞務委外", "稽查車輛租賃案"]), yy, r.randrange(1, 13), r.randrange(1, 29)), 24, anchor="mm", key=True)
    rows = [["序號", "廠商名稱", "統一編號", "投標時間", "押標金"]]
    for i in range(r.randrange(3, 8)):
        rows.append([i + 1, firm(r), ubn(r), "%d/%d %02d:%02d" % (r.randrange(1, 13), r.randrange(1, 29), r.randrange(9, 17), r.randrange(60)), money(r.randrange(5, 100) * 10000)])
    p.table(40, 290, [90, 380, 170, 170, 110], rows, 22, 64, key_rows={1, 2})
    p.t((40, 1200), "收件人：%s（總務科）" % name(r), 24)
    types = ["procurement_secret"] + (["classified_marking"] if marked else [])
    return p, "paper", dict(types=types, note="bidders list before the opening" + (", marked %s" % m if marked else ", no secrecy marking"), hard=not marked)


def d_appraisal(r):
    p = A4()
    ag, _ = _agency(r)
    yy = r.choice([114, 115])
    marked = r.random() < 0.5
    if marked:
        _mark(p, r, ["密", "限閱"])
    p.t((500, 170), "%d年度公務人員考績初評名冊" % yy, 40, anchor="mm", kind="sansb", key=True)
    p.t((500, 225), "%s　（考績委員會審議中，未核定）" % ag, 24, anchor="mm")
    rows = [["單位", "職稱", "姓名", "初評分數", "等次", "備註"]]
    for _ in range(14):
        sc = r.randrange(68, 92)
        rows.append([r.choice(["秘書室", "稽查科", "行政科", "會計室", "第一科"]), title_of(r), name(r), sc, "甲" if sc >= 80 else "乙" if sc >= 70 else "丙",
                     r.choice(["", "", "", "曾記過一次", "請假逾限", "專案嘉獎"])])
    p.table(40, 270, [140, 120, 160, 130, 90, 280], rows, 22, 60, key_rows={1, 2, 3})
    p.t((40, 1250), "考績委員會 %d年%d月%d日" % (yy + 1, 1, r.randrange(5, 28)), 22)
    return p, "paper", dict(types=["personnel_secret", "person_name"] + (["classified_marking"] if marked else []), note="appraisal list with names and grades before approval", hard=not marked)


def d_promotion(r):
    p = Page(1414, 1000)
    marked = r.random() < 0.5
    if marked:
        p.stamp(r.choice(["密", "限閱"]), (1300, 70), 44, angle=r.uniform(-8, 8), key=True)
    p.t((707, 60), "%s 陞遷甄審評分總表" % r.choice(["科長", "股長", "專員", "視察"]), 42, anchor="mm", kind="sansb", key=True)
    p.t((707, 110), "甄審委員會會議用　會後收回", 24, (160, 0, 0), anchor="mm")
    rows = [["排序", "姓名", "現職", "考績", "年資", "學歷", "訓練", "面談", "總分"]]
    ppl = []
    for _ in range(r.randrange(6, 11)):
        s = [r.randrange(20, 31), r.randrange(5, 16), r.randrange(5, 11), r.randrange(3, 9), r.randrange(10, 31)]
        ppl.append((sum(s), name(r), title_of(r), s))
    ppl.sort(reverse=True)
    for i, (t, nm, ti, s) in enumerate(ppl):
        rows.append([i + 1, nm, ti] + s + [t])
    p.table(40, 160, [90, 180, 170, 150, 150, 150, 150, 150, 150], rows, 24, 66, key_rows={1, 2, 3})
    return p, "paper", dict(types=["personnel_secret", "person_name"] + (["classified_marking"] if marked else []), note="promotion score sheet with names and scores", hard=not marked)


def d_classified(r):
    p = A4()
    m = r.choice(["機密", "密", "密件", "極機密"])
    p.t((500, 45), m, 40, (200, 0, 0), "sansb", "mm", key=True)
    p.t((500, 1385), m, 30, (200, 0, 0), "sansb", "mm")
    ag, _ = _agency(r)
    yy = r.choice([115, 116])
    mo, da = r.randrange(1, 13), r.randrange(1, 28)
    if r.random() < 0.5:
        p.t((500, 130), "%d年度%s專案稽查計畫" % (yy, r.choice(["夜間娛樂場所", "食品工廠", "非法廢棄物", "違章工廠", "營業場所消防"])), 38, anchor="mm", kind="sansb", key=True)
        y = p.wrap(60, 200, "一、稽查時間：%d年%d月%d日（%s）晚間%d時起，不預先通知業者。" % (yy, mo, da, "一二三四五六日"[r.randrange(7)], r.randrange(19, 23)), 880, 28, indent=56, key=True)
        y = p.wrap(60, y + 10, "二、稽查對象：", 880, 28)
        rows = [["編號", "對象", "地址", "組別"]]
        for i in range(6):
            rows.append([i + 1, r.choice(SHOPS) + r.choice(["KTV", "酒店", "食品廠", "回收場", "旅館"]), address(r, floor=False)[:14], "第%d組" % r.randrange(1, 4)])
        y = p.table(60, y + 10, [80, 260, 400, 140], rows, 22, 60, key_rows={1, 2})
        typ = "inspection_plan"
    else:
        p.t((500, 130), "專案勤務規劃（%s）" % r.choice(["查緝", "埋伏", "監控", "拘提"]), 38, anchor="mm", kind="sansb", key=True)
        y = p.wrap(60, 200, "一、勤務時間：%d年%d月%d日 %02d:00 至 %02d:00。" % (yy, mo, da, r.randrange(0, 6), r.randrange(6, 10)), 880, 28, key=True)
        y = p.wrap(60, y + 10, "二、目標處所：%s。" % address(r), 880, 28, key=True)
        for g in "ABC":
            y = p.wrap(60, y + 10, "%s組：%s，%s" % (g, r.choice(["埋伏於", "監控", "封鎖", "待命於"]), r.choice(ROADS) + r.choice(["路口", "巷口", "停車場", "後門"])), 880, 28)
        y = p.wrap(60, y + 10, "三、聯絡代號：%s；無線電頻道%d。" % (r.choice(["山海", "長江", "飛鷹", "雷霆"]), r.randrange(1, 16)), 880, 28)
        typ = "investigation_secret"
    p.t((60, y + 40), "保密期限：執行完畢後解密　分送：%s" % r.choice(["專案小組成員", "各組長"]), 24, (100, 0, 0))
    p.t((600, y + 140), r.choice(["大隊長", "局長", "主任"]) + "　" + name(r, 2), 36, kind="sansb")
    return p, "paper", dict(types=["classified_marking", typ], note="classified document (%s header) with %s" % (m, typ.replace("_", " ")), hard=False)


def d_whistle(r):
    p = A4()
    nm, ph, idn = name(r), mobile(r), nid(r)
    ag, _ = _agency(r)
    fwd = r.random() < 0.4
    p.t((500, 70), "檢舉書" if not fwd else "陳情檢舉案件交辦單", 46, anchor="mm", kind="sansb", key=True)
    rows = [["欄位", "內容"], ["檢舉人姓名", nm], ["身分證統一編號", idn], ["聯絡電話", ph], ["通訊地址", address(r)],
            ["被檢舉對象", r.choice([firm(r), r.choice(SHOPS) + r.choice(["餐廳", "KTV", "工廠"]), "%s%s" % (name(r), title_of(r))])],
            ["檢舉事由", r.choice(["夜間排放廢水", "違規營業並有未成年人出入", "承辦人收受廠商招待", "未依規定給付加班費", "食品原料過期"])],
            ["是否同意公開身分", "否（請予保密）"]]
    y = p.table(60, 140, [280, 600], rows, 26, 80, align="left", key_rows={1, 2, 3})
    if fwd:
        y = p.wrap(60, y + 30, "交辦：請%s科依權責查處，並於7日內回復。副本：被檢舉單位（請說明）" % r.choice(["稽查", "行政", "第二"]), 880, 26)
    p.t((60, y + 40), "收件日期：%d年%d月%d日　收件人：%s" % (r.choice([114, 115]), r.randrange(1, 13), r.randrange(1, 29), name(r)), 24)
    types = ["whistleblower_identity", "person_name", "tw_national_id", "phone_number", "address"]
    return p, "paper", dict(types=types, note="whistleblower report naming the whistleblower" + (" (forwarding slip)" if fwd else ""), hard=False)


# ============================================================================= plan
ALLOW = [("menu", d_menu, 24), ("shop_flyer", d_flyer, 16), ("calendar", d_calendar, 16), ("duty_roster", d_roster, 18),
         ("ticket", d_ticket, 20), ("receipt", d_receipt, 22), ("public_notice", d_public_notice, 22),
         ("official_letter", d_official_letter, 30), ("inspection_result", d_inspection_result, 18),
         ("award_notice", d_award_notice, 20), ("specimen_id", d_specimen_id, 20), ("blank_form", d_blank_form, 18),
         ("example_form", d_example_form, 20), ("training_slide", d_training_slide, 22), ("chat_rules", d_chat_rules, 20),
         ("map", d_map, 14), ("meeting_room_sign", d_meeting_sign, 14), ("poster", d_poster, 16), ("whiteboard", d_whiteboard, 16),
         ("chart", d_chart, 14), ("masked_case_list", d_masked_list, 16), ("personnel_order_effective", d_personnel_effective, 12),
         ("tender_notice", d_tender_notice, 12)]
FLAG = [("id_card", d_id_card, 16), ("nhi_card", d_nhi_card, 12), ("household_register", d_household, 12), ("warrant", d_warrant, 14),
        ("query_screen", d_query_screen, 14), ("bid_price_sheet", d_bid_price, 14), ("bidders_list", d_bidders, 12),
        ("appraisal_list", d_appraisal, 12), ("promotion_scores", d_promotion, 10), ("classified_doc", d_classified, 12),
        ("whistleblower_report", d_whistle, 12)]
PC_DOCS = {"training_slide", "chart", "query_screen"}


def plan():
    items = []
    for expect, table in (("allow", ALLOW), ("flag", FLAG)):
        for doc, fn, n in table:
            for k in range(n):
                items.append((expect, doc, k))
    rr = random.Random(BASE_SEED)
    rr.shuffle(items)
    return [dict(id="w%04d" % (i + 1), expect=e, doc=d, k=k, seed=BASE_SEED + 7919 * (i + 1)) for i, (e, d, k) in enumerate(items)]


FORCED = {("id_card", 2): ["photo", "rot180"], ("nhi_card", 2): ["scan", "rot180"], ("warrant", 3): ["photo", "rot180"],
          ("whistleblower_report", 3): ["scan", "rot180", "lowjpeg"], ("household_register", 3): ["photo", "rot180"],
          ("query_screen", 3): ["screen_photo", "rot90"], ("classified_doc", 3): ["scan", "rot90", "lowjpeg"]}


def choose_style(kind, doc, k, r):
    if doc == "bid_price_sheet" and k < 6:  # rotated 90 degrees at low JPEG quality, as forwarded from a phone
        return [r.choice(["scan", "photo"]), "rot90", "lowjpeg"]
    if (doc, k) in FORCED:
        return list(FORCED[(doc, k)])
    w = {"paper": [("scan", 40), ("photo", 42), ("screenshot", 10), ("screen_photo", 8)],
         "screen": [("screenshot", 55), ("screen_photo", 45)],
         "pc": [("screenshot", 50), ("screen_photo", 50)],
         "card": [("photo", 72), ("scan", 28)],
         "board": [("photo", 100)]}[kind]
    tot = sum(x[1] for x in w)
    u = r.uniform(0, tot)
    for base, x in w:
        u -= x
        if u <= 0:
            break
    st = [base]
    pm = {"paper": (0.14, 0.10, 0.05, 0.14), "screen": (0.15, 0.04, 0.0, 0.14), "pc": (0.15, 0.04, 0.0, 0.12),
          "card": (0.10, 0.12, 0.06, 0.14), "board": (0.0, 0.05, 0.0, 0.15)}[kind]
    if r.random() < pm[0]: st.append("crop")
    u = r.random() if base != "screenshot" else 1.0  # a screenshot is not forwarded rotated
    if u < pm[1]: st.append("rot90")
    elif u < pm[1] + pm[2]: st.append("rot180")
    if r.random() < pm[3]: st.append("lowjpeg")
    return st


FUNCS = {d: f for d, f, _ in ALLOW + FLAG}


def make(item, outdir):
    r = random.Random(item["seed"])
    rng = np.random.default_rng(item["seed"])
    page, kind, info = FUNCS[item["doc"]](r)
    if item["doc"] in PC_DOCS:
        kind = "pc"
    style = choose_style(kind, item["doc"], item["k"], r)
    notes = []
    im, ext, q = render(page, kind, style, r, rng, notes)
    fn = item["id"] + "." + ext
    path = os.path.join(outdir, "img", fn)
    if ext == "png":
        im.save(path, "PNG", optimize=False)
    else:
        im.convert("RGB").save(path, "JPEG", quality=q, subsampling=2 if q < 60 else 0, optimize=False)
    hard = bool(info["hard"])
    if item["expect"] == "flag" and any(s in style for s in ("lowjpeg", "rot90", "rot180", "screen_photo")):
        hard = True
    rec = {"id": item["id"], "image": fn, "expect": item["expect"], "types": sorted(set(info["types"])), "doc": item["doc"],
           "style": "+".join(style), "note": info["note"] + "; " + ", ".join(notes), "hard": hard}
    # readability check: decodes, sane size, not blank
    with Image.open(path) as chk:
        chk.load()
        g = np.asarray(chk.convert("L"), dtype=float)
    ok = min(chk.size) >= 300 and g.std() > 12
    return rec, ok, chk.size, float(g.std())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=HERE)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--only", default="")
    a = ap.parse_args()
    t0 = time.time()
    os.makedirs(os.path.join(a.out, "img"), exist_ok=True)
    items = plan()
    if a.only:
        keep = set(a.only.split(","))
        items = [it for it in items if it["id"] in keep or it["doc"] in keep]
    args = [(it, a.out) for it in items]
    if a.jobs > 1:
        with Pool(a.jobs) as pool:
            res = pool.starmap(make, args, chunksize=4)
    else:
        res = [make(*x) for x in args]
    bad = [(rec["id"], size, std) for rec, ok, size, std in res if not ok]
    if not a.only:
        with open(os.path.join(a.out, "labels.jsonl"), "w", encoding="utf-8") as f:
            for rec, _, _, _ in res:
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    from collections import Counter
    ce = Counter(rec["expect"] for rec, *_ in res)
    print("images:", len(res), dict(ce), "hard:", sum(rec["hard"] for rec, *_ in res), "unreadable:", bad,
          "time: %.1fs" % (time.time() - t0))
    if bad:
        sys.exit(1)


if __name__ == "__main__":
    main()
