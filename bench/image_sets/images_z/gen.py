#!/usr/bin/env python3
"""Deterministic generator of the `imgz` labelled image test set.

Images forwarded in Taiwanese government LINE work groups: 400 ordinary (`allow`) and
120 leaking (`flag`) images, drawn with Pillow + numpy and Noto CJK fonts, then degraded
by a simulated capture (phone photo, scan, screenshot, photo of a screen) and modifiers.

Every person, number and company is made up. Usage:
    python gen.py [--out DIR] [--only z0001,z0002]
"""

from __future__ import annotations

import argparse
import json
import math
import random
import time
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

HERE = Path(__file__).resolve().parent
FONT_DIR = "/usr/share/fonts/opentype/noto/"
FONT_FILES = {
    "sans": FONT_DIR + "NotoSansCJK-Regular.ttc",
    "sansb": FONT_DIR + "NotoSansCJK-Bold.ttc",
    "serif": FONT_DIR + "NotoSerifCJK-Regular.ttc",
    "serifb": FONT_DIR + "NotoSerifCJK-Bold.ttc",
}
_FONT_CACHE: dict = {}


def F(size: int, kind: str = "sans") -> ImageFont.FreeTypeFont:
    key = (kind, int(size))
    if key not in _FONT_CACHE:
        _FONT_CACHE[key] = ImageFont.truetype(FONT_FILES[kind], int(size), index=3)  # TC
    return _FONT_CACHE[key]


# ----------------------------------------------------------------------------- fake data
SURNAMES = list("陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴周徐蘇葉莊呂江何蕭羅高潘簡朱鍾彭游詹胡施沈余趙盧梁顏柯翁魏孫戴")
GIVEN = list("志明淑芬家豪怡君建國美玲俊宏雅婷冠宇佩珊宗翰欣怡承恩詩涵信宏惠雯文傑秀英國華麗珠嘉玲正雄冠廷品妤子晴柏翰宥辰瑞祥素貞金龍慧敏")
CITIES = ["臺北市", "新北市", "桃園市", "臺中市", "臺南市", "高雄市", "基隆市", "新竹市", "嘉義市", "宜蘭縣", "彰化縣", "屏東縣", "花蓮縣"]
DISTRICTS = ["中正區", "大安區", "信義區", "板橋區", "中壢區", "西屯區", "東區", "前鎮區", "北區", "三民區", "永和區", "竹北市", "員林市"]
ROADS = ["中山路", "民生路", "復興路", "建國路", "和平東路", "光復路", "忠孝東路", "成功路", "大同路", "自由路", "文化路", "中華路", "民權路", "三民路"]
AGENCIES = ["臺北市政府", "新北市政府環境保護局", "桃園市政府衛生局", "臺中市政府警察局", "內政部移民署", "臺南市政府經濟發展局",
            "高雄市政府勞工局", "新竹市政府", "宜蘭縣政府", "彰化縣衛生局", "法務部廉政署", "屏東縣政府工務處"]
UNITS = ["秘書室", "政風室", "人事室", "會計室", "綜合企劃科", "資訊室", "稽查科", "檢查科", "偵查隊", "調查科", "服務站", "行政科"]
COMPANIES = ["宏達營造有限公司", "永信資訊股份有限公司", "大成工程顧問社", "群益環保科技有限公司", "佳和印刷有限公司", "新光機電股份有限公司",
             "立德土木包工業", "東昇系統整合股份有限公司", "聯合清潔服務有限公司", "美佳餐飲有限公司", "全勝保全股份有限公司", "匯豐交通工程行"]
SHOPS = ["阿美便當", "好食光餐盒", "清心飲料店", "五十嵐式茶飲", "小巷麵館", "老王滷味", "福記燒臘", "健康素食坊"]
ID_LETTERS = {"A": 10, "B": 11, "C": 12, "D": 13, "E": 14, "F": 15, "G": 16, "H": 17, "I": 34, "J": 18, "K": 19, "L": 20, "M": 21,
              "N": 22, "O": 35, "P": 23, "Q": 24, "R": 25, "S": 26, "T": 27, "U": 28, "V": 29, "W": 32, "X": 30, "Y": 31, "Z": 33}


def id_checksum_ok(s: str) -> bool:
    code = ID_LETTERS[s[0]]
    a, b = divmod(code, 10)
    d = [int(c) for c in s[1:]]
    w = [8, 7, 6, 5, 4, 3, 2, 1, 1]
    return (a + 9 * b + sum(x * y for x, y in zip(d, w))) % 10 == 0


def make_id(rng: random.Random, resident: bool = False) -> str:
    letter = rng.choice("ABCDEFGHJKLMNPQRSTUVXYWZIO")
    first = rng.choice("89") if resident else rng.choice("12")
    body = first + "".join(rng.choice("0123456789") for _ in range(7))
    code = ID_LETTERS[letter]
    a, b = divmod(code, 10)
    w = [8, 7, 6, 5, 4, 3, 2, 1]
    s = a + 9 * b + sum(int(x) * y for x, y in zip(body, w))
    check = (10 - s % 10) % 10
    out = letter + body + str(check)
    assert id_checksum_ok(out)
    return out


def name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)


def masked_name(rng: random.Random) -> str:
    n = name(rng)
    return n[0] + "○" + n[2]


def mobile(rng: random.Random) -> str:
    return f"09{rng.randint(10, 89)}-{rng.randint(100, 999)}-{rng.randint(100, 999)}"


def office_phone(rng: random.Random) -> str:
    area = rng.choice(["02", "03", "04", "06", "07"])
    return f"({area}){rng.randint(2000, 8999)}-{rng.randint(1000, 9999)}"


def ext(rng: random.Random) -> str:
    return str(rng.randint(1000, 8999))


def address(rng: random.Random) -> str:
    return (f"{rng.choice(CITIES)}{rng.choice(DISTRICTS)}{rng.choice(ROADS)}{rng.randint(1, 3)}段"
            f"{rng.randint(1, 300)}巷{rng.randint(1, 40)}號{rng.randint(2, 12)}樓")


def roc_date(rng: random.Random, y0: int = 40, y1: int = 95) -> str:
    return f"{rng.randint(y0, y1)}年{rng.randint(1, 12):02d}月{rng.randint(1, 28):02d}日"


def plate(rng: random.Random) -> str:
    L = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    return "".join(rng.choice(L) for _ in range(3)) + "-" + f"{rng.randint(0, 9999):04d}"


def bank_account(rng: random.Random) -> str:
    return f"{rng.randint(100, 999)}-{rng.randint(10, 99)}-{rng.randint(100000, 999999)}-{rng.randint(0, 9)}"


def money(rng: random.Random, lo: int, hi: int) -> str:
    return f"{rng.randint(lo, hi):,}"


def email_personal(rng: random.Random) -> str:
    u = rng.choice(["chen", "lin", "wang", "huang", "tsai", "liu", "yang"]) + rng.choice(["mei", "jh", "yt", "hao", "ting", "wei"])
    return f"{u}{rng.randint(10, 99)}@{rng.choice(['gmail.com', 'yahoo.com.tw', 'hotmail.com'])}"


def today(rng: random.Random) -> str:
    return f"{rng.choice([113, 114])}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"


# ----------------------------------------------------------------------------- drawing helpers
class Doc:
    """A page with a text cursor."""

    def __init__(self, w: int, h: int, bg=(255, 255, 255), margin: int = 60):
        self.img = Image.new("RGB", (w, h), bg)
        self.d = ImageDraw.Draw(self.img)
        self.w, self.h, self.m = w, h, margin
        self.y = margin

    def text(self, x, y, s, size=28, kind="sans", fill=(20, 20, 20), anchor=None):
        self.d.text((x, y), s, font=F(size, kind), fill=fill, anchor=anchor)

    def title(self, s, size=44, kind="sansb", fill=(10, 10, 10), gap=24):
        self.d.text((self.w // 2, self.y), s, font=F(size, kind), fill=fill, anchor="ma")
        self.y += size + gap

    def line(self, s, size=28, kind="sans", fill=(25, 25, 25), indent=0, gap=14):
        self.d.text((self.m + indent, self.y), s, font=F(size, kind), fill=fill)
        self.y += size + gap

    def para(self, s, size=28, kind="sans", fill=(25, 25, 25), indent=0, gap=12):
        width = self.w - 2 * self.m - indent
        per = max(4, int(width / (size * 1.0)))
        for i in range(0, len(s), per):
            self.line(s[i:i + per], size, kind, fill, indent, gap)

    def hr(self, fill=(60, 60, 60), width=2, gap=16):
        self.d.line([(self.m, self.y), (self.w - self.m, self.y)], fill=fill, width=width)
        self.y += gap

    def table(self, headers, rows, widths=None, size=24, row_h=None, head_bg=(225, 230, 240), x0=None, line=(90, 90, 90), kind="sans"):
        x0 = self.m if x0 is None else x0
        total = self.w - x0 - self.m
        n = len(headers)
        if widths is None:
            widths = [1] * n
        sw = sum(widths)
        cols = [int(total * w / sw) for w in widths]
        row_h = row_h or int(size * 1.9)
        y = self.y
        allrows = [headers] + rows
        for ri, r in enumerate(allrows):
            x = x0
            if ri == 0 and head_bg:
                self.d.rectangle([x0, y, x0 + sum(cols), y + row_h], fill=head_bg)
            for ci, cell in enumerate(r):
                self.d.rectangle([x, y, x + cols[ci], y + row_h], outline=line, width=1)
                f = F(size, "sansb" if ri == 0 else kind)
                s = str(cell)
                while f.getlength(s) > cols[ci] - 10 and len(s) > 2:
                    f = F(max(12, f.size - 2), "sansb" if ri == 0 else kind)
                    if f.size <= 12:
                        break
                self.d.text((x + 6, y + (row_h - f.size) // 2 - 2), s, font=f, fill=(20, 20, 20))
                x += cols[ci]
            y += row_h
        self.y = y + 20
        return cols

    def stamp(self, cx, cy, s, r=70, color=(200, 30, 30), square=False, size=26):
        if square:
            self.d.rectangle([cx - r, cy - r * 0.6, cx + r, cy + r * 0.6], outline=color, width=5)
        else:
            self.d.ellipse([cx - r, cy - r, cx + r, cy + r], outline=color, width=5)
        self.d.text((cx, cy), s, font=F(size, "sansb"), fill=color, anchor="mm")

    def crop_used(self, pad=60, min_h=900):
        h = max(self.y + pad, min_h or 0)
        h = min(h, self.h)
        return self.img.crop((0, 0, self.w, h))


def watermark(img: Image.Image, s: str, size=120, color=(220, 40, 40, 90), angle=30):
    layer = Image.new("RGBA", img.size, (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    f = F(size, "sansb")
    tw = int(f.getlength(s)) + 20
    t = Image.new("RGBA", (tw, size + 40), (0, 0, 0, 0))
    ImageDraw.Draw(t).text((10, 5), s, font=f, fill=color)
    t = t.rotate(angle, expand=True)
    for yy in range(-t.height // 2, img.height, max(t.height, 300)):
        for xx in range(-t.width // 3, img.width, t.width + 80):
            layer.alpha_composite(t, (max(0, xx), max(0, yy))) if xx >= 0 and yy >= 0 else None
    del d
    base = img.convert("RGBA")
    base.alpha_composite(layer)
    return base.convert("RGB")


def big_watermark(img: Image.Image, s: str, color=(220, 40, 40, 110)):
    size = max(60, img.width // (len(s) + 1))
    f = F(size, "sansb")
    t = Image.new("RGBA", (int(f.getlength(s)) + 40, size + 60), (0, 0, 0, 0))
    ImageDraw.Draw(t).text((20, 10), s, font=f, fill=color)
    t = t.rotate(25, expand=True)
    base = img.convert("RGBA")
    x = max(0, (img.width - t.width) // 2)
    y = max(0, (img.height - t.height) // 2)
    if t.width > img.width or t.height > img.height:
        t = t.resize((min(t.width, img.width), min(t.height, img.height)))
    base.alpha_composite(t, (x, y))
    return base.convert("RGB")


def fake_qr(rng: random.Random, n=29, cell=8) -> Image.Image:
    a = np.array([[rng.random() < 0.5 for _ in range(n)] for _ in range(n)])
    for ox, oy in [(0, 0), (n - 7, 0), (0, n - 7)]:
        a[oy:oy + 7, ox:ox + 7] = False
        a[oy:oy + 7, ox] = a[oy:oy + 7, ox + 6] = True
        a[oy, ox:ox + 7] = a[oy + 6, ox:ox + 7] = True
        a[oy + 2:oy + 5, ox + 2:ox + 5] = True
    img = Image.fromarray(((~a) * 255).astype(np.uint8)).resize((n * cell, n * cell), Image.NEAREST)
    out = Image.new("L", (img.width + 4 * cell, img.height + 4 * cell), 255)
    out.paste(img, (2 * cell, 2 * cell))
    return out.convert("RGB")


def barcode(rng: random.Random, w=400, h=70) -> Image.Image:
    img = Image.new("RGB", (w, h), "white")
    d = ImageDraw.Draw(img)
    x = 5
    while x < w - 8:
        bw = rng.choice([1, 2, 3])
        if rng.random() < 0.55:
            d.rectangle([x, 0, x + bw - 1, h], fill="black")
        x += bw + rng.choice([1, 2])
    return img


def face(rng: random.Random, w=220, h=280) -> Image.Image:
    """A neutral drawn head-and-shoulders silhouette (no real person)."""
    bg = tuple(rng.randint(200, 245) for _ in range(3))
    img = Image.new("RGB", (w, h), bg)
    d = ImageDraw.Draw(img)
    skin = rng.choice([(235, 200, 170), (220, 180, 150), (200, 160, 130)])
    hair = rng.choice([(30, 25, 20), (60, 40, 30), (90, 90, 90)])
    shirt = rng.choice([(40, 50, 90), (240, 240, 240), (90, 30, 30), (50, 70, 50)])
    d.ellipse([w * 0.05, h * 0.72, w * 0.95, h * 1.4], fill=shirt)
    d.rectangle([w * 0.42, h * 0.55, w * 0.58, h * 0.78], fill=skin)
    d.ellipse([w * 0.25, h * 0.15, w * 0.75, h * 0.65], fill=skin)
    d.chord([w * 0.23, h * 0.1, w * 0.77, h * 0.5], 180, 360, fill=hair)
    d.ellipse([w * 0.37, h * 0.36, w * 0.43, h * 0.4], fill=(30, 30, 30))
    d.ellipse([w * 0.57, h * 0.36, w * 0.63, h * 0.4], fill=(30, 30, 30))
    d.arc([w * 0.42, h * 0.47, w * 0.58, h * 0.55], 20, 160, fill=(120, 60, 60), width=2)
    return img


def phone_frame(content: Image.Image, rng: random.Random, app_title: str | None = None) -> Image.Image:
    """Put content in a phone screenshot (status bar, optional app title bar)."""
    W = 1080
    c = content.resize((W, int(content.height * W / content.width)))
    top = 70 + (110 if app_title else 0)
    H = min(max(1600, c.height + top + 40), 2400)
    img = Image.new("RGB", (W, H), (250, 250, 250))
    img.paste(c, (0, top))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, W, 70], fill=(245, 245, 245))
    d.text((40, 14), f"{rng.randint(8, 17)}:{rng.randint(0, 59):02d}", font=F(34, "sansb"), fill=(20, 20, 20))
    d.text((W - 40, 14), f"4G  {rng.randint(20, 99)}%", font=F(32), fill=(20, 20, 20), anchor="ra")
    if app_title:
        d.rectangle([0, 70, W, 180], fill=(255, 255, 255))
        d.line([(0, 180), (W, 180)], fill=(210, 210, 210), width=2)
        d.text((40, 100), "〈", font=F(44), fill=(40, 40, 40))
        d.text((W // 2, 125), app_title, font=F(40, "sansb"), fill=(20, 20, 20), anchor="mm")
    d.rectangle([0, H - 40, W, H], fill=(235, 235, 235))
    d.rounded_rectangle([W // 2 - 130, H - 26, W // 2 + 130, H - 16], radius=5, fill=(60, 60, 60))
    return img


def pc_frame(content: Image.Image, rng: random.Random, title: str) -> Image.Image:
    W, H = 1920, 1080
    img = Image.new("RGB", (W, H), (50, 70, 100))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, W, 44], fill=(230, 230, 232))
    d.text((20, 8), title, font=F(24), fill=(30, 30, 30))
    for i, col in enumerate([(230, 80, 70), (240, 190, 60), (90, 190, 90)]):
        d.ellipse([W - 40 - i * 36, 12, W - 20 - i * 36, 32], fill=col)
    d.rectangle([0, 44, W, 90], fill=(245, 245, 247))
    d.rounded_rectangle([140, 52, W - 300, 84], radius=14, fill=(255, 255, 255), outline=(200, 200, 200))
    d.text((160, 55), "https://" + rng.choice(["eservice", "ris", "query", "intra", "portal"]) + ".gov.tw/" + rng.choice(["main", "query", "doc", "view"]),
           font=F(20), fill=(90, 90, 90))
    avail_w, avail_h = W, H - 90 - 48
    c = content
    sc = min(avail_w / c.width, avail_h / c.height, 1.6)
    if c.width * sc < W * 0.6:
        sc = min(W * 0.9 / c.width, avail_h / c.height * 1.0)
    c = c.resize((max(1, int(c.width * sc)), max(1, int(c.height * sc))))
    bgpanel = Image.new("RGB", (W, avail_h), (240, 242, 245))
    bgpanel.paste(c.crop((0, 0, min(c.width, W), min(c.height, avail_h))), ((W - min(c.width, W)) // 2, 0))
    img.paste(bgpanel, (0, 90))
    d.rectangle([0, H - 48, W, H], fill=(30, 34, 40))
    d.text((W - 30, H - 38), f"下午 {rng.randint(1, 5)}:{rng.randint(0, 59):02d}", font=F(22), fill=(230, 230, 230), anchor="ra")
    return img


# ----------------------------------------------------------------------------- captures
def _persp_coeffs(src, dst):
    """Coefficients mapping output (dst) points to input (src) points for Image.transform."""
    A, B = [], []
    for (x, y), (u, v) in zip(dst, src):
        A.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        A.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        B += [u, v]
    return np.linalg.solve(np.array(A, float), np.array(B, float)).tolist()


def _background(rng: random.Random, w: int, h: int) -> Image.Image:
    kind = rng.choice(["wood", "desk", "cloth", "dark"])
    base = {"wood": (150, 105, 65), "desk": (190, 190, 185), "cloth": (70, 90, 120), "dark": (45, 45, 50)}[kind]
    nrng = np.random.default_rng(rng.randint(0, 2**31))
    arr = np.ones((h, w, 3), np.float32) * np.array(base, np.float32)
    if kind == "wood":
        stripes = np.sin(np.linspace(0, rng.uniform(20, 60), h))[:, None, None] * 18
        arr += stripes
    arr += nrng.normal(0, 8, (h, w, 1))
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def _light(img: Image.Image, rng: random.Random, strength: float) -> Image.Image:
    w, h = img.size
    xs = np.linspace(0, 1, w)[None, :]
    ys = np.linspace(0, 1, h)[:, None]
    cx, cy = rng.random(), rng.random()
    g = 1.0 - strength * np.sqrt((xs - cx) ** 2 + (ys - cy) ** 2)
    arr = np.asarray(img).astype(np.float32) * g[:, :, None]
    tint = np.array([rng.uniform(0.95, 1.05), 1.0, rng.uniform(0.88, 1.0)], np.float32)
    return Image.fromarray(np.clip(arr * tint, 0, 255).astype(np.uint8))


def _noise(img: Image.Image, rng: random.Random, sigma: float) -> Image.Image:
    nrng = np.random.default_rng(rng.randint(0, 2**31))
    arr = np.asarray(img).astype(np.float32)
    arr += nrng.normal(0, sigma, arr.shape[:2] + (1,)).astype(np.float32)
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def cap_photo(img: Image.Image, rng: random.Random, screen=False) -> Image.Image:
    w, h = img.size
    scale = (2000 if screen else 1800) / max(w, h)
    img = img.resize((int(w * scale), int(h * scale)), Image.BICUBIC)
    w, h = img.size
    pad = int(max(w, h) * rng.uniform(0.06, 0.16))
    W, H = w + 2 * pad, h + 2 * pad
    bg = _background(rng, W, H)
    j = lambda: rng.uniform(-0.05, 0.05) * max(w, h)
    dst = [(pad + j(), pad + j()), (pad + w + j(), pad + j()), (pad + w + j(), pad + h + j()), (pad + j(), pad + h + j())]
    src = [(0, 0), (w, 0), (w, h), (0, h)]
    coeffs = _persp_coeffs(src, dst)
    warped = img.transform((W, H), Image.PERSPECTIVE, coeffs, Image.BICUBIC)
    mask = Image.new("L", (w, h), 255).transform((W, H), Image.PERSPECTIVE, coeffs, Image.BILINEAR)
    bg.paste(warped, (0, 0), mask)
    out = bg
    if screen:
        arr = np.asarray(out).astype(np.float32)
        yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
        ang = rng.uniform(0, math.pi)
        freq = rng.uniform(0.25, 0.45)
        mo = np.sin((xx * math.cos(ang) + yy * math.sin(ang)) * freq) * np.sin((xx * math.sin(ang) - yy * math.cos(ang)) * freq * 0.93)
        arr += (mo * rng.uniform(8, 16))[:, :, None]
        gx, gy = rng.uniform(0.2, 0.8) * W, rng.uniform(0.2, 0.8) * H
        r = rng.uniform(0.12, 0.25) * max(W, H)
        glare = np.exp(-(((xx - gx) ** 2 + (yy - gy) ** 2) / (2 * r * r))) * rng.uniform(60, 110)
        arr += glare[:, :, None]
        arr *= np.array([0.92, 0.97, 1.06], np.float32)
        out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    out = _light(out, rng, rng.uniform(0.15, 0.4))
    out = out.filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 1.3)))
    out = _noise(out, rng, rng.uniform(3, 8))
    return out


def cap_scan(img: Image.Image, rng: random.Random) -> Image.Image:
    gray = rng.random() < 0.6
    if gray:
        img = img.convert("L").convert("RGB")
    ang = rng.uniform(-3.5, 3.5)
    img = img.rotate(ang, resample=Image.BICUBIC, expand=True, fillcolor=(250, 250, 248))
    nrng = np.random.default_rng(rng.randint(0, 2**31))
    arr = np.asarray(img).astype(np.float32)
    arr = arr * rng.uniform(0.9, 1.0) + rng.uniform(0, 15)
    sp = nrng.random(arr.shape[:2]) < rng.uniform(0.0005, 0.003)
    arr[sp] = rng.randint(0, 90)
    arr += nrng.normal(0, 3, arr.shape[:2] + (1,))
    h = arr.shape[0]
    if rng.random() < 0.5:  # darker scanner edge
        arr[: int(h * 0.015)] *= 0.5
    out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    return out.filter(ImageFilter.GaussianBlur(rng.uniform(0.2, 0.7)))


def apply_capture(content: Image.Image, capture: str, rng: random.Random, screen_title: str) -> Image.Image:
    if capture == "photo":
        return cap_photo(content, rng)
    if capture == "scan":
        return cap_scan(content, rng)
    if capture == "screenshot_phone":
        return phone_frame(content, rng)
    if capture == "screenshot_pc":
        return pc_frame(content, rng, screen_title)
    if capture == "screen_photo":
        return cap_photo(pc_frame(content, rng, screen_title), rng, screen=True)
    return content  # "file": exported/clean image


# ----------------------------------------------------------------------------- shared UI widgets
def line_chat(rng: random.Random, group: str, msgs: list) -> Image.Image:
    """LINE-like chat screen. msgs: (sender, text, is_me)."""
    W = 1080
    img = Image.new("RGB", (W, 2200), (140, 171, 217))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, W, 150], fill=(35, 45, 65))
    d.text((40, 45), "〈", font=F(48), fill="white")
    d.text((110, 48), f"{group}({rng.randint(8, 60)})", font=F(40, "sansb"), fill="white")
    y = 190
    d.text((W // 2, y), f"{today(rng)}", font=F(26), fill=(250, 250, 250), anchor="ma")
    y += 60
    for sender, text, me in msgs:
        f = F(34)
        maxw = 680
        lines, cur = [], ""
        for ch in text:
            if ch == "\n" or f.getlength(cur + ch) > maxw:
                lines.append(cur)
                cur = "" if ch == "\n" else ch
            else:
                cur += ch
        lines.append(cur)
        bw = int(max(f.getlength(s) for s in lines)) + 44
        bh = len(lines) * 46 + 28
        if me:
            x1 = W - 40
            x0 = x1 - bw
            d.rounded_rectangle([x0, y, x1, y + bh], radius=26, fill=(134, 226, 116))
            d.text((x0 - 12, y + bh - 30), f"已讀 {rng.randint(1, 9)}\n{rng.randint(8, 17)}:{rng.randint(0, 59):02d}", font=F(20), fill=(240, 240, 240), anchor="rd")
        else:
            d.ellipse([30, y, 110, y + 80], fill=tuple(rng.randint(90, 220) for _ in range(3)))
            d.text((70, y + 40), sender[:1], font=F(36, "sansb"), fill="white", anchor="mm")
            d.text((130, y), sender, font=F(26), fill=(240, 240, 240))
            y += 38
            x0 = 130
            d.rounded_rectangle([x0, y, x0 + bw, y + bh], radius=26, fill=(255, 255, 255))
            d.text((x0 + bw + 12, y + bh - 6), f"{rng.randint(8, 17)}:{rng.randint(0, 59):02d}", font=F(20), fill=(240, 240, 240), anchor="ld")
        for i, s in enumerate(lines):
            d.text((x0 + 22, y + 14 + i * 46), s, font=f, fill=(15, 15, 15))
        y += bh + 34
        if y > 2000:
            break
    Hc = max(1530, y + 140)
    y = Hc - 140
    d.rectangle([0, y + 20, W, y + 140], fill=(250, 250, 250))
    d.rounded_rectangle([120, y + 45, W - 150, y + 115], radius=35, fill=(235, 235, 235))
    d.text((150, y + 60), "輸入訊息", font=F(30), fill=(150, 150, 150))
    return img.crop((0, 0, W, Hc))


def web_system(rng: random.Random, sysname: str, page: str, fields: list, table=None, banner=None, menu=None) -> Image.Image:
    """Intranet query-system page. fields: (label, value) pairs laid out in two columns."""
    W, H = 1600, 1000
    img = Image.new("RGB", (W, H), (244, 246, 250))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, W, 80], fill=(25, 70, 140))
    d.text((30, 20), sysname, font=F(34, "sansb"), fill="white")
    d.text((W - 30, 28), f"使用者：{rng.choice(UNITS)} {rng.randint(100, 999)}號  登出", font=F(22), fill=(220, 230, 255), anchor="ra")
    d.rectangle([0, 80, 260, H], fill=(225, 230, 240))
    for i, m in enumerate(menu or ["首頁", "個案查詢", "批次查詢", "查詢紀錄", "系統公告", "操作手冊"]):
        d.text((30, 110 + i * 56), m, font=F(26), fill=(30, 50, 90))
    x0, y = 300, 110
    d.text((x0, y), page, font=F(32, "sansb"), fill=(20, 40, 80))
    y += 60
    if banner:
        d.rectangle([x0, y, W - 40, y + 50], fill=(255, 244, 214), outline=(230, 180, 80))
        d.text((x0 + 16, y + 10), banner, font=F(24), fill=(120, 70, 0))
        y += 70
    d.rectangle([x0, y, W - 40, y + 30 + ((len(fields) + 1) // 2) * 58], fill="white", outline=(200, 205, 215))
    y += 20
    for i, (k, v) in enumerate(fields):
        cx = x0 + 20 + (i % 2) * 640
        cy = y + (i // 2) * 58
        d.text((cx, cy), k + "：", font=F(26, "sansb"), fill=(60, 60, 60))
        d.text((cx + 170, cy), str(v), font=F(26), fill=(10, 10, 10))
    y += ((len(fields) + 1) // 2) * 58 + 40
    if table:
        heads, rows = table
        cols = (W - 40 - x0) // len(heads)
        d.rectangle([x0, y, W - 40, y + 46], fill=(60, 100, 170))
        for j, hh in enumerate(heads):
            d.text((x0 + 12 + j * cols, y + 8), hh, font=F(24, "sansb"), fill="white")
        y += 46
        for r in rows:
            d.rectangle([x0, y, W - 40, y + 46], fill="white", outline=(215, 218, 225))
            for j, c in enumerate(r):
                f = F(23)
                while f.getlength(str(c)) > cols - 16 and f.size > 14:
                    f = F(f.size - 2)
                d.text((x0 + 12 + j * cols, y + 10), str(c), font=f, fill=(20, 20, 20))
            y += 46
            if y > H - 60:
                break
    d.text((W - 40, H - 40), f"查詢時間 {today(rng)} {rng.randint(8, 17)}:{rng.randint(0, 59):02d}　查詢事由代碼 {rng.randint(10, 99)}",
           font=F(20), fill=(110, 110, 110), anchor="ra")
    return img


def spreadsheet(rng: random.Random, fname: str, heads: list, rows: list, widths=None) -> Image.Image:
    W = 1600
    n = len(rows) + 1
    H = max(800, 150 + (n + 3) * 44)
    img = Image.new("RGB", (W, H), "white")
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, W, 50], fill=(33, 115, 70))
    d.text((20, 10), fname + " - Excel", font=F(24), fill="white")
    d.rectangle([0, 50, W, 110], fill=(243, 243, 243))
    d.text((20, 66), "常用　插入　頁面配置　公式　資料　校閱　檢視", font=F(22), fill=(60, 60, 60))
    widths = widths or [1] * len(heads)
    sw = sum(widths)
    cols = [int((W - 60) * w / sw) for w in widths]
    y = 120
    d.rectangle([0, y, W, y + 30], fill=(230, 230, 230))
    x = 60
    for j, c in enumerate(cols):
        d.text((x + c // 2, y + 3), chr(65 + j), font=F(20), fill=(80, 80, 80), anchor="ma")
        x += c
    y += 30
    for i, r in enumerate([heads] + rows):
        d.rectangle([0, y, 60, y + 44], fill=(230, 230, 230))
        d.text((30, y + 10), str(i + 1), font=F(20), fill=(80, 80, 80), anchor="ma")
        x = 60
        for j, c in enumerate(cols):
            d.rectangle([x, y, x + c, y + 44], outline=(210, 210, 210))
            cell = str(r[j]) if j < len(r) else ""
            f = F(24, "sansb" if i == 0 else "sans")
            while f.getlength(cell) > c - 10 and f.size > 13:
                f = F(f.size - 2, "sansb" if i == 0 else "sans")
            d.text((x + 6, y + 8), cell, font=f, fill=(20, 20, 20))
            x += c
        y += 44
    return img.crop((0, 0, W, min(H, y + 120)))


def slide(rng: random.Random, title: str, bullets: list, footer: str = "") -> Image.Image:
    W, H = 1600, 900
    theme = rng.choice([((20, 60, 120), (255, 255, 255)), ((0, 110, 90), (250, 250, 245)), ((120, 30, 40), (255, 252, 248))])
    img = Image.new("RGB", (W, H), theme[1])
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, W, 150], fill=theme[0])
    d.text((60, 45), title, font=F(56, "sansb"), fill="white")
    y = 200
    for b in bullets:
        d.ellipse([70, y + 16, 86, y + 32], fill=theme[0])
        d.text((110, y), b, font=F(40), fill=(30, 30, 30))
        y += 76
    d.text((60, H - 50), footer, font=F(24), fill=(120, 120, 120))
    d.text((W - 60, H - 50), str(rng.randint(2, 30)), font=F(24), fill=(120, 120, 120), anchor="ra")
    return img


def official_header(doc: Doc, rng: random.Random, agency: str, kind: str = "函"):
    doc.title(f"{agency}　{kind}", 46, "serifb")
    doc.line(f"地址：{rng.choice(CITIES)}{rng.choice(ROADS)}{rng.randint(1, 300)}號", 24, indent=560)
    doc.line(f"承辦人：{name(rng)}　電話：{office_phone(rng)}#{ext(rng)}", 24, indent=560)
    doc.y += 10


# ----------------------------------------------------------------------------- ALLOW renderers
def r_event_photo(rng):
    W, H = 1600, 1100
    img = Image.new("RGB", (W, H), (60, 60, 70))
    d = ImageDraw.Draw(img)
    wall = tuple(rng.randint(150, 220) for _ in range(3))
    d.rectangle([0, 0, W, 700], fill=wall)
    d.rectangle([0, 700, W, H], fill=(120, 90, 70))
    col = rng.choice([(180, 20, 30), (20, 70, 150), (0, 120, 90)])
    d.rectangle([150, 80, W - 150, 380], fill=col)
    agency = rng.choice(AGENCIES)
    topic = rng.choice(["廉政暨反詐騙宣導活動", "公務機密維護講習", "淨灘環保志工日", "防災演練暨消防宣導", "社區長者健康促進講座", "採購法規教育訓練"])
    d.text((W // 2, 140), f"{rng.choice([113, 114])}年度{topic}", font=F(64, "sansb"), fill="white", anchor="ma")
    d.text((W // 2, 260), f"主辦單位：{agency}", font=F(40), fill=(255, 240, 200), anchor="ma")
    d.rectangle([W // 2 - 90, 480, W // 2 + 90, 760], fill=(110, 70, 40))
    for i in range(rng.randint(8, 16)):
        x = rng.randint(20, W - 80)
        y = rng.randint(720, 940)
        s = rng.randint(40, 70)
        c = tuple(rng.randint(20, 200) for _ in range(3))
        d.ellipse([x, y, x + s, y + s], fill=(40, 30, 25))
        d.rounded_rectangle([x - s * 0.4, y + s * 0.9, x + s * 1.4, y + s * 3.2], radius=20, fill=c)
    return img, f"event photo, stage banner of {topic}", {"scene": True}


def r_minutes(rng):
    doc = Doc(1240, 1754)
    agency = rng.choice(AGENCIES)
    doc.title(f"{agency}", 40, "serifb", gap=10)
    doc.title(f"{rng.choice(['業務協調會報', '廉政會報', '環境教育推動小組', '道路維護檢討會'])}會議紀錄", 40, "serifb")
    doc.line(f"一、時間：{today(rng)}上午{rng.randint(9, 11)}時", 28)
    doc.line(f"二、地點：本府{rng.randint(2, 12)}樓{rng.choice(['第一', '第二', '簡報'])}會議室", 28)
    doc.line(f"三、主席：{rng.choice(['秘書長', '副局長', '局長'])} {name(rng)}　　紀錄：{name(rng)}", 28)
    doc.line(f"四、出席人員：{'、'.join(name(rng) + rng.choice(['科長', '主任', '專員', '技正']) for _ in range(4))}", 26)
    doc.line("五、報告事項：", 28, "sansb")
    for i, it in enumerate(rng.sample(['上次會議決議事項執行情形，洽悉。', '本季工程進度達預定進度百分之九十五，請持續追蹤。', '宣導活動共辦理12場，參與人數合計1,350人次。', '公文稽催逾期案件已全數結案。'], rng.randint(2, 3))):
        doc.para(f"（{'一二三'[i]}）{it}", 26, indent=30)
    doc.line("六、討論事項：", 28, "sansb")
    doc.para(f"案由：{rng.choice(['有關年度預算執行率提升案', '有關會議室借用規則修正案', '有關公務車輛調度管理案'])}，提請討論。", 26, indent=30)
    doc.para("決議：照案通過，請各單位依限辦理。", 26, indent=30)
    doc.line("七、散會：上午11時30分", 28)
    doc.y += 20
    doc.line("（本紀錄已依政府資訊公開法公開於本府全球資訊網）", 22, fill=(90, 90, 90))
    return doc.crop_used(), "public meeting minutes naming chair and officials", {}


def r_agenda(rng):
    doc = Doc(1240, 1754)
    doc.title(f"{rng.choice(AGENCIES)}", 38, "sansb", gap=10)
    doc.title(f"{rng.choice(['研習課程', '年度工作檢討會', '跨機關聯繫會議', '志工大會'])}　議程表", 42, "sansb")
    doc.line(f"日期：{today(rng)}　地點：{rng.choice(['大禮堂', '第二會議室', '文康中心'])}", 28)
    t = 9 * 60
    rows = []
    for item in rng.sample(["報到", "主席致詞", "專題演講", "業務報告", "茶敘", "分組討論", "綜合座談", "意見交流", "頒獎", "散會"], 7):
        dur = rng.choice([20, 30, 40, 50, 60])
        rows.append([f"{t // 60:02d}:{t % 60:02d}-{(t + dur) // 60:02d}:{(t + dur) % 60:02d}", item, rng.choice(["主辦單位", "秘書室", "外聘講師", "各科室", "政風室"])])
        t += dur
    doc.table(["時間", "議程", "主持/負責"], rows, [2, 3, 2], size=28)
    return doc.crop_used(), "event agenda table", {}


def r_budget(rng):
    items = ["人事費", "業務費", "設備及投資", "獎補助費", "預備金", "國內旅費", "資訊服務費", "印刷及裝訂費", "水電費", "租金"]
    rows = []
    for it in rng.sample(items, 8):
        b = rng.randint(100, 9000) * 1000
        u = int(b * rng.uniform(0.3, 1.0))
        rows.append([it, f"{b:,}", f"{u:,}", f"{u / b * 100:.1f}%", rng.choice(["", "依進度執行", "下半年支用", "已請款"])])
    img = spreadsheet(rng, f"{rng.choice([113, 114])}年度預算執行表", ["科目", "預算數", "實支數", "執行率", "備註"], rows, [2, 2, 2, 1, 2])
    return img, "budget execution spreadsheet", {}


def r_gantt(rng):
    W, H = 1600, 900
    img = Image.new("RGB", (W, H), "white")
    d = ImageDraw.Draw(img)
    d.text((40, 30), f"{rng.choice(['資訊系統建置案', '辦公廳舍修繕工程', '數位轉型計畫'])} 工作進度甘特圖", font=F(40, "sansb"), fill=(20, 20, 20))
    months = [f"{m}月" for m in range(1, 13)]
    x0, y0, cw = 380, 120, (W - 420) // 12
    for i, m in enumerate(months):
        d.rectangle([x0 + i * cw, y0, x0 + (i + 1) * cw, y0 + 40], outline=(180, 180, 180), fill=(235, 240, 248))
        d.text((x0 + i * cw + cw // 2, y0 + 6), m, font=F(22), fill=(40, 40, 40), anchor="ma")
    tasks = ["需求訪談", "系統分析", "招標作業", "系統開發", "資料轉換", "教育訓練", "上線測試", "驗收結案"]
    for k, t in enumerate(tasks):
        y = y0 + 60 + k * 80
        d.text((40, y + 10), t, font=F(30), fill=(30, 30, 30))
        s = min(11, k + rng.randint(0, 2))
        e = min(12, s + rng.randint(1, 4))
        d.rectangle([x0 + s * cw, y + 8, x0 + e * cw, y + 52], fill=rng.choice([(70, 130, 200), (90, 170, 110), (230, 150, 60)]))
        d.text((x0 + e * cw + 8, y + 14), f"{rng.randint(0, 100)}%", font=F(22), fill=(60, 60, 60))
    return img, "Gantt progress chart", {}


def r_org_chart(rng):
    W, H = 1800, 1100
    img = Image.new("RGB", (W, H), "white")
    d = ImageDraw.Draw(img)
    agency = rng.choice(AGENCIES)
    d.text((W // 2, 30), f"{agency} 組織架構及聯絡分機", font=F(44, "sansb"), fill=(20, 20, 20), anchor="ma")

    def box(cx, cy, t1, t2, t3):
        d.rounded_rectangle([cx - 170, cy - 70, cx + 170, cy + 70], radius=12, outline=(30, 80, 150), width=3, fill=(238, 244, 252))
        d.text((cx, cy - 55), t1, font=F(28, "sansb"), fill=(20, 40, 90), anchor="ma")
        d.text((cx, cy - 15), t2, font=F(26), fill=(20, 20, 20), anchor="ma")
        d.text((cx, cy + 25), t3, font=F(24), fill=(60, 60, 60), anchor="ma")

    box(W // 2, 200, rng.choice(["局長", "處長", "主任委員"]), name(rng), f"分機 {ext(rng)}")
    d.line([(W // 2, 270), (W // 2, 360)], fill=(30, 80, 150), width=3)
    box(W // 2, 430, "副局長", name(rng), f"分機 {ext(rng)}")
    d.line([(W // 2, 500), (W // 2, 600)], fill=(30, 80, 150), width=3)
    units = rng.sample(UNITS, 4)
    xs = [W * (i + 1) // 5 for i in range(4)]
    d.line([(xs[0], 600), (xs[-1], 600)], fill=(30, 80, 150), width=3)
    for x, u in zip(xs, units):
        d.line([(x, 600), (x, 680)], fill=(30, 80, 150), width=3)
        box(x, 750, u, f"{rng.choice(['科長', '主任', '隊長'])} {name(rng)}", f"分機 {ext(rng)}")
    d.text((60, H - 80), f"總機：{office_phone(rng)}　更新日期：{today(rng)}", font=F(26), fill=(80, 80, 80))
    return img, "organisation chart with officials' names and office extensions", {}


def r_business_card(rng):
    W, H = 1050, 600
    img = Image.new("RGB", (W, H), rng.choice([(255, 255, 255), (250, 248, 240), (240, 246, 252)]))
    d = ImageDraw.Draw(img)
    agency = rng.choice(AGENCIES)
    d.rectangle([0, 0, 24, H], fill=rng.choice([(20, 70, 140), (0, 120, 90), (160, 30, 40)]))
    d.text((70, 50), agency, font=F(34, "sansb"), fill=(30, 30, 30))
    d.text((70, 100), rng.choice(UNITS), font=F(28), fill=(60, 60, 60))
    n = name(rng)
    d.text((70, 190), n, font=F(70, "sansb"), fill=(10, 10, 10))
    d.text((70 + F(70, "sansb").getlength(n) + 30, 225), rng.choice(["科長", "專員", "主任", "技正", "科員", "秘書"]), font=F(32), fill=(40, 40, 40))
    y = 340
    for s in [f"電話：{office_phone(rng)} 分機 {ext(rng)}", f"傳真：{office_phone(rng)}", f"E-mail：{rng.choice(['ab', 'cd', 'ef', 'pr', 'hs'])}{rng.randint(100, 9999)}@mail.{rng.choice(['tpc', 'ntpc', 'tycg', 'kcg', 'immigration'])}.gov.tw",
              f"地址：{rng.choice(CITIES)}{rng.choice(ROADS)}{rng.randint(1, 300)}號"]:
        d.text((70, y), s, font=F(28), fill=(30, 30, 30))
        y += 52
    return img, "business card of an official (office phone, gov e-mail, office address)", {"small_ok": True}


def r_press_release(rng):
    doc = Doc(1240, 1754)
    agency = rng.choice(AGENCIES)
    doc.title(f"{agency} 新聞稿", 44, "sansb")
    doc.line(f"發布日期：{today(rng)}", 26)
    doc.line(f"新聞聯絡人：{rng.choice(UNITS)} {name(rng)} {rng.choice(['科長', '專員'])}　電話：{office_phone(rng)}#{ext(rng)}", 26)
    doc.hr()
    topic = rng.choice(["推動公務機密維護　強化個資保護意識", "擴大辦理反詐騙宣導　守護民眾荷包", "市區道路改善工程如期完工", "年度食品衛生稽查成果出爐"])
    doc.line(topic, 36, "sansb")
    for para in rng.sample([
            "為提升同仁資訊安全及個人資料保護觀念，本局今日辦理專題講習，邀請專家說明常見洩密態樣與防範作為。",
            "本局呼籲民眾接獲可疑來電，務必撥打165反詐騙諮詢專線查證，切勿依指示操作自動櫃員機。",
            "本年度共完成稽查387家次，不合格業者均已依法處分並限期改善，相關結果已公布於本局網站。",
            "局長表示，將持續落實各項便民措施，並感謝各界支持與配合。",
            "相關資訊可至本局全球資訊網查詢，或於上班時間洽詢服務專線。"], 4):
        doc.para(para, 28)
    return doc.crop_used(), "press release with official contact person and office line", {}


def r_public_notice(rng):
    doc = Doc(1240, 1754)
    agency = rng.choice(AGENCIES)
    doc.title(f"{agency}　公告", 48, "serifb")
    doc.line(f"發文日期：中華民國{today(rng)}", 26)
    doc.line(f"發文字號：府{rng.choice(['環', '衛', '工', '經', '秘'])}字第{rng.randint(1130000000, 1149999999)}號", 26)
    doc.hr()
    subj = rng.choice(["公告本市114年度公有零售市場攤位招租事宜", "公告修正本府受理人民陳情案件處理要點", "公告本市道路挖掘管理自治條例施行細則", "公告辦理年度低收入戶資格總清查"])
    doc.para(f"主旨：{subj}。", 30, "serifb")
    doc.line("依據：地方制度法第27條。", 28, "serif")
    doc.line("公告事項：", 28, "serif")
    items = rng.sample(["申請期間自公告日起30日內，逾期不予受理。", "申請表件請至本府網站下載，或親洽各區公所索取。", "未盡事宜依相關法令規定辦理。"], 2)
    items.append("本案聯絡人：" + name(rng) + "，電話：" + office_phone(rng) + "分機" + ext(rng) + "。")
    for i, it in enumerate(items):
        doc.para(f"{'一二三'[i]}、" + it, 28, "serif", indent=20)
    doc.y += 30
    head = "局長" if agency.endswith("局") else ("縣長" if "縣" in agency else "市長")
    doc.line(f"{head}　{name(rng)}", 40, "serifb", indent=600)
    img = doc.crop_used()
    return img, "public notice (公告) with contact person and office line", {}


def r_hotline_poster(rng):
    W, H = 1200, 1700
    col = rng.choice([(200, 40, 40), (20, 90, 170), (0, 130, 100), (230, 120, 0)])
    img = Image.new("RGB", (W, H), (255, 253, 245))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, W, 380], fill=col)
    line, desc = rng.choice([("1999", "市民當家熱線"), ("1955", "勞工諮詢申訴專線"), ("165", "反詐騙諮詢專線"), ("113", "保護專線"), ("0800-286-586", "法務部廉政署檢舉專線")])
    d.text((W // 2, 60), desc, font=F(90, "sansb"), fill="white", anchor="ma")
    d.text((W // 2, 190), "有問題　請撥打", font=F(60), fill="white", anchor="ma")
    d.text((W // 2, 500), line, font=F(260 if len(line) < 6 else 130, "sansb"), fill=col, anchor="ma")
    y = 900
    for s in rng.sample(["24小時全年無休", "免付費，手機市話皆可撥打", "提供中文、英語等多語服務", "您的個人資料將依法保密", "接獲可疑電話請先查證", "家暴、兒少保護通報"], 4):
        d.text((150, y), "● " + s, font=F(52), fill=(40, 40, 40))
        y += 100
    d.text((W // 2, H - 100), rng.choice(AGENCIES) + " 關心您", font=F(44), fill=(80, 80, 80), anchor="ma")
    return img, f"hotline poster ({line})", {"small_ok": True}


def r_qr_poster(rng):
    W, H = 1200, 1600
    img = Image.new("RGB", (W, H), (245, 250, 255))
    d = ImageDraw.Draw(img)
    t = rng.choice(["線上報名", "滿意度問卷", "加入官方LINE", "下載防災APP", "活動簽到"])
    d.text((W // 2, 100), t, font=F(110, "sansb"), fill=(20, 60, 130), anchor="ma")
    d.text((W // 2, 270), "請掃描下方QR Code", font=F(56), fill=(40, 40, 40), anchor="ma")
    q = fake_qr(rng, cell=18)
    img.paste(q, ((W - q.width) // 2, 400))
    d.text((W // 2, 450 + q.height), f"截止日期：{today(rng)}", font=F(48), fill=(60, 60, 60), anchor="ma")
    d.text((W // 2, 540 + q.height), rng.choice(AGENCIES), font=F(44), fill=(90, 90, 90), anchor="ma")
    return img, f"QR-code poster ({t})", {"small_ok": True}


def r_road_closure(rng):
    W, H = 1200, 1600
    img = Image.new("RGB", (W, H), (255, 230, 0) if rng.random() < 0.5 else (255, 255, 255))
    d = ImageDraw.Draw(img)
    t = rng.choice(["道路施工　封閉通告", "禁止停車公告", "臨時交通管制", "停車場暫停開放"])
    d.rectangle([40, 40, W - 40, H - 40], outline=(200, 0, 0), width=14)
    d.text((W // 2, 100), t, font=F(90, "sansb"), fill=(200, 0, 0), anchor="ma")
    y = 320
    for s in [f"路段：{rng.choice(ROADS)}{rng.randint(1, 3)}段", f"期間：{today(rng)}起", f"時間：每日{rng.randint(8, 10)}時至{rng.randint(16, 22)}時",
              "施工期間請改道行駛", "違規停車將依法拖吊", f"施工單位：{rng.choice(COMPANIES)}", f"主辦機關：{rng.choice(AGENCIES)}", "陳情專線：1999"]:
        d.text((100, y), s, font=F(54), fill=(20, 20, 20))
        y += 120
    return img, t + " sign", {"small_ok": True}


def r_timetable(rng):
    doc = Doc(1240, 1600)
    route = rng.choice(["紅", "藍", "綠", "橘", "棕"]) + str(rng.randint(1, 40))
    doc.title(f"公車 {route} 路　時刻表", 50, "sansb")
    doc.line(f"{rng.choice(ROADS)}站 → {rng.choice(['市政府', '火車站', '轉運站', '市立醫院'])}　（平日）", 32)
    rows = []
    h = 6
    m = rng.randint(0, 15)
    for _ in range(12):
        r = []
        for _ in range(4):
            r.append(f"{h:02d}:{m:02d}")
            m += rng.choice([12, 15, 20, 25])
            if m >= 60:
                h += 1
                m -= 60
        rows.append(r)
    doc.table(["班次一", "班次二", "班次三", "班次四"], rows, size=30)
    doc.line("※ 實際到站時間依路況調整，詳見公車動態系統。", 26)
    return doc.crop_used(), "bus timetable", {}


def r_weather(rng):
    W, H = 1600, 1000
    img = Image.new("RGB", (W, H), "white")
    d = ImageDraw.Draw(img)
    kind = rng.choice(["aqi", "temp"])
    d.text((40, 30), "空氣品質指標(AQI) 一週趨勢" if kind == "aqi" else "未來一週天氣預報（氣溫）", font=F(44, "sansb"), fill=(20, 20, 20))
    days = ["一", "二", "三", "四", "五", "六", "日"]
    x0, y0, y1 = 140, 150, 850
    d.line([(x0, y0), (x0, y1), (W - 60, y1)], fill=(60, 60, 60), width=3)
    vals = [rng.randint(20, 160) if kind == "aqi" else rng.randint(14, 34) for _ in days]
    vmax = 200 if kind == "aqi" else 40
    pts = []
    for i, v in enumerate(vals):
        x = x0 + 80 + i * 190
        y = y1 - v / vmax * (y1 - y0)
        pts.append((x, y))
        if kind == "aqi":
            c = (0, 170, 80) if v <= 50 else (240, 200, 0) if v <= 100 else (240, 120, 0)
            d.rectangle([x - 50, y, x + 50, y1], fill=c)
        d.text((x, y - 45), str(v), font=F(30, "sansb"), fill=(30, 30, 30), anchor="ma")
        d.text((x, y1 + 15), "週" + days[i], font=F(30), fill=(30, 30, 30), anchor="ma")
    if kind == "temp":
        d.line(pts, fill=(220, 60, 40), width=5)
    d.text((40, H - 70), f"資料來源：{rng.choice(['環境部', '中央氣象署'])}　{today(rng)}", font=F(26), fill=(100, 100, 100))
    return img, "weather / air-quality chart", {}


def r_menu_order(rng):
    shop = rng.choice(SHOPS)
    if rng.random() < 0.5:
        doc = Doc(1100, 1600, bg=(255, 250, 235))
        doc.title(f"{shop}　菜單", 56, "sansb")
        doc.line(f"訂購專線：{mobile(rng)}　（10份以上外送）", 32, "sansb", fill=(180, 30, 30))
        rows = [[it, f"{rng.randint(6, 15) * 10}"] for it in rng.sample(["排骨便當", "雞腿便當", "鯖魚便當", "控肉便當", "素食便當", "牛肉麵", "乾麵", "酸辣湯", "燙青菜", "滷蛋", "珍珠奶茶", "紅茶拿鐵"], 10)]
        doc.table(["品項", "價格"], rows, [3, 1], size=32)
        doc.line(f"地址：{rng.choice(CITIES)}{rng.choice(ROADS)}{rng.randint(1, 300)}號（店面）", 28)
        return doc.crop_used(), "lunch menu with shop mobile printed", {}
    rows = []
    for _ in range(rng.randint(8, 14)):
        rows.append([rng.choice(["小", "阿", "大"]) + rng.choice(GIVEN), rng.choice(["珍奶", "紅茶拿鐵", "四季春", "多多綠", "冬瓜檸檬", "烏龍青"]),
                     rng.choice(["微糖", "半糖", "無糖", "少糖"]), rng.choice(["去冰", "少冰", "溫", "正常"]), str(rng.choice([35, 45, 50, 55, 60]))])
    img = spreadsheet(rng, f"{today(rng)} 飲料團購 {shop} {mobile(rng)}", ["姓名", "品項", "甜度", "冰塊", "金額"], rows)
    return img, "drink order list (colleague nicknames, shop mobile in title)", {}


def r_receipt(rng):
    W, H = 620, 1300
    img = Image.new("RGB", (W, H), "white")
    d = ImageDraw.Draw(img)
    shop = rng.choice(SHOPS + ["全聯福利中心", "統一超商", "文具行", "影印店"])
    y = 30
    d.text((W // 2, y), shop, font=F(40, "sansb"), fill="black", anchor="ma")
    y += 70
    d.text((W // 2, y), "電子發票證明聯", font=F(44, "sansb"), fill="black", anchor="ma")
    y += 70
    d.text((W // 2, y), f"{rng.choice([113, 114])}年{rng.choice(['01-02', '03-04', '05-06', '07-08', '09-10', '11-12'])}月", font=F(40, "sansb"), fill="black", anchor="ma")
    y += 65
    d.text((W // 2, y), f"{''.join(rng.choice('ABCDEFGHJKLMNPQRSTUVWXYZ') for _ in range(2))}-{rng.randint(10000000, 99999999)}", font=F(40, "sansb"), fill="black", anchor="ma")
    y += 70
    d.text((30, y), f"{today(rng)} {rng.randint(8, 20)}:{rng.randint(0, 59):02d}", font=F(24), fill="black")
    y += 40
    d.text((30, y), f"隨機碼 {rng.randint(1000, 9999)}　總計 {rng.randint(50, 3000)}", font=F(24), fill="black")
    y += 40
    d.text((30, y), f"賣方 {rng.randint(10000000, 99999999)}　買方 {rng.randint(10000000, 99999999)}", font=F(24), fill="black")
    y += 50
    img.paste(barcode(rng, W - 60, 70), (30, y))
    y += 90
    img.paste(fake_qr(rng, 21, 7).resize((250, 250)), (30, y))
    img.paste(fake_qr(rng, 21, 7).resize((250, 250)), (W - 280, y))
    y += 280
    d.line([(20, y), (W - 20, y)], fill="black", width=2)
    y += 20
    for _ in range(rng.randint(3, 6)):
        d.text((30, y), rng.choice(["A4影印紙", "原子筆", "便當", "資料夾", "咖啡", "礦泉水", "膠帶"]) + f" x{rng.randint(1, 10)}", font=F(26), fill="black")
        d.text((W - 30, y), str(rng.randint(10, 600)), font=F(26), fill="black", anchor="ra")
        y += 42
    d.text((30, y + 10), "統一編號為機關統編，供報帳使用", font=F(22), fill="black")
    return img.crop((0, 0, W, y + 60)), "e-invoice / receipt for reimbursement", {}


def r_calendar(rng):
    W, H = 1600, 1200
    img = Image.new("RGB", (W, H), "white")
    d = ImageDraw.Draw(img)
    mth = rng.randint(1, 12)
    d.text((W // 2, 30), f"{rng.choice([113, 114])}年{mth}月　{rng.choice(UNITS)}行事曆", font=F(48, "sansb"), fill=(20, 20, 20), anchor="ma")
    cw, ch = (W - 80) // 7, 170
    for i, wd in enumerate("日一二三四五六"):
        d.rectangle([40 + i * cw, 120, 40 + (i + 1) * cw, 170], fill=(220, 230, 245), outline=(150, 150, 150))
        d.text((40 + i * cw + cw // 2, 128), wd, font=F(28, "sansb"), fill=(20, 20, 20), anchor="ma")
    start = rng.randint(0, 6)
    for day in range(1, 31):
        k = start + day - 1
        r, c = divmod(k, 7)
        if r > 5:
            break
        x, y = 40 + c * cw, 170 + r * ch
        d.rectangle([x, y, x + cw, y + ch], outline=(150, 150, 150))
        d.text((x + 10, y + 6), str(day), font=F(28, "sansb"), fill=(200, 30, 30) if c in (0, 6) else (30, 30, 30))
        if rng.random() < 0.3:
            d.text((x + 10, y + 60), rng.choice(["主管會報", "教育訓練", "預算審查", "環境清潔日", "消防演練", "健康檢查"]), font=F(24), fill=(20, 70, 150))
    return img, "monthly office calendar", {}


def r_duty_roster(rng):
    rows = []
    for i in range(7):
        rows.append([f"{rng.randint(1, 12)}/{i + 1 + rng.randint(0, 20)}", "一二三四五六日"[i], name(rng), ext(rng), name(rng), rng.choice(["", "補休", "代理"])])
    doc = Doc(1240, 1400)
    doc.title(f"{rng.choice(AGENCIES)}{rng.choice(UNITS)}　值日輪值表", 40, "sansb")
    doc.table(["日期", "星期", "值日人員", "分機", "代理人", "備註"], rows, [2, 1, 2, 1, 2, 1], size=28)
    doc.line("※ 值日人員請於17:30前完成門窗檢查並簽名。", 26)
    return doc.crop_used(), "staff duty roster with office extensions", {}


def r_training_slide(rng):
    opts = [
        ("公務機密維護　常見洩密態樣", ["勿以LINE傳送民眾身分證字號、病歷等個資", "拘票、搜索票執行前屬偵查秘密，不得外流", "檢舉人身分應予保密（刑法第132條）", "採購底價於開標前應保密（採購法第34條）", "違者依法追究刑事及行政責任"]),
        ("個人資料保護法重點", ["個資：姓名、身分證字號、護照號碼、病歷等", "蒐集、處理、利用應符合特定目的", "傳送前應先遮蔽（例：A12****789）", "外洩時應通報並通知當事人"]),
        ("採購保密義務", ["底價於決標前不得洩漏", "投標廠商家數及名稱開標前應保密", "評選委員名單於開標前不公開", "違反者依政府採購法處罰"]),
        ("陳情檢舉案件處理", ["檢舉人姓名、電話、地址一律保密", "不得將檢舉內容告知被檢舉人", "書面資料應去識別化後再移送", "依行政程序法第170條辦理"]),
    ]
    t, b = rng.choice(opts)
    return slide(rng, t, b, f"{rng.choice(AGENCIES)} 政風室 教育訓練教材"), "training slide on confidentiality rules (mentions 身分證字號/拘票/檢舉人/底價 as rules)", {}


def r_quiz(rng):
    doc = Doc(1240, 1754)
    doc.title("公務機密維護　測驗卷", 44, "sansb")
    doc.line("單位：＿＿＿＿＿＿　姓名：＿＿＿＿＿＿　得分：＿＿＿＿", 28)
    qs = [
        "（　）1. 開標前將底價告知廠商，可能觸犯何罪？(A)洩密罪 (B)竊盜罪 (C)詐欺罪",
        "（　）2. 同仁於群組傳送民眾身分證影像，下列何者正確？(A)無妨 (B)違反個資法 (C)僅需口頭告知",
        "（　）3. 拘票於執行前外流，屬於洩漏：(A)偵查秘密 (B)公開資訊 (C)一般事務",
        "（　）4. 檢舉人之身分，受理機關應：(A)公開 (B)保密 (C)告知被檢舉人",
        "（　）5. 稽查行程於執行前：(A)可先通知業者 (B)應保密 (C)可公告於網站",
        "（　）6. 傳送含個資文件前應先：(A)遮蔽 (B)放大 (C)加註",
    ]
    for q in rng.sample(qs, 5):
        doc.para(q, 28)
        doc.y += 14
    img = doc.crop_used()
    return img, "confidentiality quiz sheet (blank answers)", {}


def r_blank_form(rng):
    doc = Doc(1240, 1754)
    t = rng.choice(["申請書", "陳情書", "志工報名表", "個人資料查詢申請書", "低收入戶申請表"])
    doc.title(f"{rng.choice(AGENCIES)}　{t}", 42, "sansb")
    rows = [["姓名", "", "性別", "□男 □女"], ["身分證統一編號", "", "出生日期", "　年　月　日"], ["聯絡電話", "", "電子郵件", ""], ["通訊地址", "", "", ""],
            ["申請事由", "", "", ""]]
    doc.table(["欄位", "填寫內容", "欄位", "填寫內容"], rows, [2, 3, 2, 3], size=28, row_h=80)
    doc.para("※ 本表所蒐集之個人資料，僅供本案處理使用，並依個人資料保護法規定保護。", 24)
    doc.line("申請人簽章：＿＿＿＿＿＿＿＿　　日期：＿＿＿＿＿＿", 28)
    return doc.crop_used(), f"blank form ({t}) with empty ID/phone/address fields", {}


def r_specimen_form(rng):
    doc = Doc(1240, 1754)
    t = rng.choice(["申請書", "志工報名表", "補助申請表", "陳情書"])
    doc.title(f"{t}（填寫範例）", 44, "sansb")
    rows = [["姓名", "王小明", "性別", "男"], ["身分證統一編號", "A123456789", "出生日期", "80年1月1日"], ["聯絡電話", "0912-345-678", "電子郵件", "example@mail.gov.tw"],
            ["通訊地址", "○○市○○區○○路1號", "", ""], ["申請事由", "（請簡述申請原因）", "", ""]]
    doc.table(["欄位", "填寫內容", "欄位", "填寫內容"], rows, [2, 3, 2, 3], size=28, row_h=80)
    doc.para("※ 本範例資料均為虛構，請依實際情形填寫。", 26, fill=(180, 30, 30))
    img = doc.crop_used()
    img = big_watermark(img, rng.choice(["填寫範例", "樣本", "SPECIMEN"]))
    return img, "form filled in as a marked example (填寫範例/樣本/SPECIMEN watermark, specimen values)", {}


def id_card_front(rng, nm, idn, birth, specimen=None):
    W, H = 1012, 638
    img = Image.new("RGB", (W, H), (225, 238, 232))
    d = ImageDraw.Draw(img)
    for i in range(0, W, 18):
        d.line([(i, 0), (i + 200, H)], fill=(212, 228, 222), width=1)
    d.text((40, 30), "中華民國國民身分證", font=F(48, "sansb"), fill=(30, 30, 30))
    d.text((60, 130), "姓　名", font=F(28), fill=(60, 60, 60))
    d.text((200, 115), nm, font=F(56, "sansb"), fill=(10, 10, 10))
    d.text((60, 230), "出　生", font=F(28), fill=(60, 60, 60))
    d.text((200, 225), "民國" + birth, font=F(34), fill=(10, 10, 10))
    d.text((60, 300), "性　別", font=F(28), fill=(60, 60, 60))
    d.text((200, 295), rng.choice(["男", "女"]), font=F(34), fill=(10, 10, 10))
    d.text((60, 370), "發證日期", font=F(28), fill=(60, 60, 60))
    d.text((200, 365), "民國" + roc_date(rng, 100, 112) + f"（{rng.choice(CITIES)[:2]}）換發", font=F(30), fill=(10, 10, 10))
    d.text((380, 520), "統一編號", font=F(28), fill=(60, 60, 60))
    d.text((520, 505), idn, font=F(52, "sansb"), fill=(180, 20, 20))
    img.paste(face(rng, 250, 320), (W - 300, 110))
    if specimen:
        img = big_watermark(img, specimen, color=(200, 30, 30, 140))
    return img


def r_specimen_id(rng):
    img = id_card_front(rng, rng.choice(["王小明", "陳大文", "林美美"]), "A123456789", "70年01月01日", specimen=rng.choice(["樣本", "SPECIMEN", "樣張"]))
    return img, "specimen ID card with 樣本/SPECIMEN overprint and published specimen number", {"small_ok": True}


def r_award_notice(rng):
    doc = Doc(1240, 1754)
    doc.title("決標公告", 48, "sansb")
    case = rng.choice(["辦公廳舍空調汰換工程", "資訊設備採購案", "清潔勞務委外案", "道路刨鋪工程", "宣導影片製作案"])
    rows = [["機關名稱", rng.choice(AGENCIES)], ["標案案號", f"{rng.choice([113, 114])}{rng.choice('ABCDE')}{rng.randint(100, 999)}"], ["標案名稱", case],
            ["招標方式", rng.choice(["公開招標", "限制性招標(經公開評選)"])], ["決標日期", today(rng)], ["底價金額", money(rng, 800000, 9000000) + "元"],
            ["投標廠商家數", str(rng.randint(2, 7))], ["得標廠商", rng.choice(COMPANIES)], ["決標金額", money(rng, 700000, 8500000) + "元"],
            ["聯絡人", f"{name(rng)}　{office_phone(rng)}#{ext(rng)}"]]
    doc.table(["項目", "內容"], rows, [1, 3], size=28, row_h=64)
    doc.line("（資料來源：政府電子採購網，已公開）", 24, fill=(90, 90, 90))
    return doc.crop_used(), "award notice (決標公告) with base price, amount, number of bidders and winner, published", {}


def r_inspection_result(rng):
    rows = []
    for _ in range(rng.randint(6, 10)):
        rows.append([rng.choice(["好味", "金鑫", "大吉", "鮮品", "老街", "福氣", "阿忠"]) + rng.choice(["小吃店", "餐廳", "KTV", "旅館", "早餐店", "飲料店"]),
                     rng.choice(DISTRICTS), rng.choice(["合格", "合格", "限期改善", "不合格"]), rng.choice(["-", "已複查合格", "處罰鍰3萬元", "限期7日改善"])])
    doc = Doc(1240, 1600)
    doc.title(f"{rng.choice(AGENCIES)}", 36, "sansb", gap=8)
    doc.title(f"{rng.choice([113, 114])}年第{rng.randint(1, 4)}季{rng.choice(['食品衛生', '公共安全', '消防安全'])}稽查結果公布", 38, "sansb")
    doc.table(["業者名稱", "行政區", "稽查結果", "處理情形"], rows, [3, 2, 2, 3], size=26)
    doc.line(f"公布日期：{today(rng)}（依法公開於本局網站）", 24)
    return doc.crop_used(), "published inspection results naming businesses", {}


def r_chat_logistics(rng):
    msgs = rng.sample([
        ("陳科長", "明天早上九點在三樓會議室開會，請大家準時", False),
        ("我", "收到，簡報檔我今天下班前上傳到共用資料夾", True),
        ("林專員", "公務車已經借好了，8:30在地下室B2集合", False),
        ("小張", "便當訂了12個，素食2個", False),
        ("我", "請假單記得送人事室，謝謝", True),
        ("黃技正", "工地勘查改到週四下午，下雨的話延期", False),
        ("我", "會議紀錄已經放在公文系統，請大家確認", True),
        ("王秘書", "下週一系統維護，公文系統暫停使用", False),
        ("林專員", "印表機卡紙了，已經報修", False),
    ], 6)
    return line_chat(rng, rng.choice(["科務聯繫群組", "第三科工作群", "活動籌備小組", "值班聯繫"]), msgs), "LINE chat about meeting / car / lunch logistics", {}


def r_chat_rules(rng):
    msgs = rng.sample([
        ("政風室", "提醒各位：民眾身分證字號、電話請勿直接貼在群組，需要時請遮蔽", False),
        ("我", "了解，我們改用公文系統傳遞", True),
        ("政風室", "拘票、搜索票執行前屬偵查不公開，禁止拍照上傳", False),
        ("陳科長", "檢舉人資料一律不得轉傳，違者依刑法第132條處理", False),
        ("我", "底價在開標前也不能講對吧？", True),
        ("政風室", "對，採購法第34條，底價於決標前應保密", False),
        ("林專員", "範例號碼 A123456789 可以用在教育訓練簡報嗎？", False),
        ("政風室", "可以，那是公布的範例號碼", False),
    ], 6)
    return line_chat(rng, "政風宣導群組", msgs), "LINE chat discussing the confidentiality rules (no values)", {}


def r_maintenance(rng):
    sysn = rng.choice(["戶役政資訊系統", "警政知識聯網", "入出國查詢系統", "公路監理資訊系統", "電子公文系統", "健保醫療資訊雲端查詢系統"])
    img = web_system(rng, sysn, "系統公告", [("公告日期", today(rng)), ("公告單位", "資訊室"), ("維護時間", f"{today(rng)} 18:00-22:00"), ("影響範圍", "全系統暫停服務")],
                     table=(["項次", "公告內容"], [["1", "系統主機例行維護，期間暫停查詢"], ["2", "查詢作業請於維護前完成"], ["3", "依規定查詢須登錄事由，嚴禁私查"],
                                                   ["4", f"問題請洽資訊室 分機{ext(rng)}"]]))
    return img, f"maintenance notice of a query system ({sysn}), no personal data", {}


def r_whiteboard(rng):
    W, H = 1600, 1100
    img = Image.new("RGB", (W, H), (90, 85, 80))
    d = ImageDraw.Draw(img)
    d.rectangle([60, 60, W - 60, H - 120], fill=(246, 248, 246), outline=(180, 180, 180), width=10)
    y = 100
    col = rng.choice([(20, 40, 160), (20, 20, 20), (170, 20, 20)])
    items = rng.sample(["本週待辦：", "1. 預算書送會計室", "2. 週三 10:00 主管會報", "3. 公文系統教育訓練", "4. 志工保險續保", "5. 辦公室消毒 週五",
                        "6. 月報表 5號前", "記得：個資文件要遮蔽！", "外勤：稽查科 週四"], 6)
    for s in items:
        x = 120 + rng.randint(-10, 30)
        d.text((x, y), s, font=F(60, "sans"), fill=col)
        y += 140
    img = img.rotate(rng.uniform(-2, 2), fillcolor=(90, 85, 80))
    return img, "office whiteboard with task list", {"scene": True}


def r_map(rng):
    W, H = 1600, 1200
    img = Image.new("RGB", (W, H), (236, 234, 226))
    d = ImageDraw.Draw(img)
    for _ in range(8):
        if rng.random() < 0.5:
            y = rng.randint(50, H - 50)
            d.line([(0, y), (W, y + rng.randint(-80, 80))], fill="white", width=rng.choice([18, 28]))
        else:
            x = rng.randint(50, W - 50)
            d.line([(x, 0), (x + rng.randint(-80, 80), H)], fill="white", width=rng.choice([18, 28]))
    for _ in range(4):
        x, y = rng.randint(50, W - 300), rng.randint(50, H - 200)
        d.rectangle([x, y, x + rng.randint(100, 250), y + rng.randint(80, 180)], fill=(200, 230, 190))
    for r in rng.sample(ROADS, 4):
        d.text((rng.randint(50, W - 250), rng.randint(50, H - 50)), r, font=F(30), fill=(90, 90, 90))
    labs = rng.sample(["市政府", "捷運站", "停車場", "活動會場", f"{rng.choice(UNITS)}", "調查站", "衛生所", "區公所"], 4)
    for lab in labs:
        x, y = rng.randint(100, W - 300), rng.randint(100, H - 100)
        d.ellipse([x - 18, y - 18, x + 18, y + 18], fill=(220, 50, 50))
        d.text((x + 25, y - 20), lab, font=F(34, "sansb"), fill=(30, 30, 30))
    d.rectangle([0, 0, W, 70], fill=(255, 255, 255))
    d.text((30, 12), f"活動交通路線圖　{today(rng)}", font=F(40, "sansb"), fill=(20, 20, 20))
    return img, "event location map", {}


def r_floor_guide(rng):
    W, H = 1200, 1600
    img = Image.new("RGB", (W, H), (40, 45, 55))
    d = ImageDraw.Draw(img)
    d.text((W // 2, 40), f"{rng.choice(AGENCIES)}　樓層簡介", font=F(52, "sansb"), fill="white", anchor="ma")
    floors = list(range(rng.randint(6, 9), 0, -1))
    y = 160
    for f in floors:
        d.rectangle([60, y, W - 60, y + 140], outline=(200, 200, 200), width=2)
        d.text((90, y + 35), f"{f}F", font=F(64, "sansb"), fill=(255, 210, 80))
        d.text((260, y + 45), "　".join(rng.sample(UNITS + ["會議室", "檔案室", "偵查隊", "調查站", "檢查科", "稽查大隊"], 2)), font=F(46), fill="white")
        y += 160
    return img, "building floor guide listing units incl. 偵查/稽查/檢查/調查", {"small_ok": True}


def r_unit_sign(rng):
    W, H = 1600, 1000
    img = Image.new("RGB", (W, H), tuple(rng.randint(170, 230) for _ in range(3)))
    d = ImageDraw.Draw(img)
    u = rng.choice(["刑事偵查隊", "稽查科", "勞動檢查處", "調查科", "偵查隊辦公室", "食品稽查組", "消防安全檢查科", "廉政調查組"])
    d.rectangle([200, 250, W - 200, 650], fill=rng.choice([(20, 60, 120), (240, 240, 235), (100, 60, 30)]))
    fill = (250, 250, 250) if img.getpixel((W // 2, 300)) != (240, 240, 235) else (20, 20, 20)
    d.text((W // 2, 320), u, font=F(130, "sansb"), fill=fill, anchor="ma")
    d.text((W // 2, 520), rng.choice(AGENCIES), font=F(54), fill=fill, anchor="ma")
    d.rectangle([W // 2 - 250, 650, W // 2 + 250, H], fill=(120, 80, 50))
    return img, f"door sign of unit ({u})", {"scene": True, "small_ok": True}


def r_masked_list(rng):
    rows = []
    for i in range(rng.randint(7, 12)):
        idn = make_id(rng)
        rows.append([str(i + 1), masked_name(rng), idn[:3] + "****" + idn[7:], f"09{rng.randint(10, 99)}-***-***", rng.choice(["已核定", "已撥款", "補件", "已通知"])])
    t = rng.choice(["補助核定名單（已遮蔽）", "中獎名單公告", "志工保險名冊（遮蔽版）", "陳情案件辦理情形（去識別化）"])
    if rng.random() < 0.5:
        doc = Doc(1240, 1600)
        doc.title(t, 42, "sansb")
        doc.table(["序號", "姓名", "身分證字號", "電話", "狀態"], rows, [1, 2, 3, 3, 2], size=28)
        doc.line("※ 個人資料已依個資法遮蔽處理", 24, fill=(150, 30, 30))
        return doc.crop_used(), "already-masked list (王○明, A12****789, 09xx-***-***)", {}
    return spreadsheet(rng, t, ["序號", "姓名", "身分證字號", "電話", "狀態"], rows), "already-masked list in spreadsheet", {}


def r_stats_chart(rng):
    W, H = 1600, 1000
    img = Image.new("RGB", (W, H), "white")
    d = ImageDraw.Draw(img)
    t = rng.choice(["1999陳情案件受理件數", "各區稽查家次統計", "檢舉案件結案率", "補助申請件數"])
    d.text((40, 30), f"{rng.choice([113, 114])}年 {t}", font=F(44, "sansb"), fill=(20, 20, 20))
    labels = rng.sample(DISTRICTS, 6)
    for i, lab in enumerate(labels):
        v = rng.randint(20, 600)
        y = 150 + i * 130
        d.text((40, y + 20), lab, font=F(32), fill=(30, 30, 30))
        d.rectangle([260, y, 260 + v * 2, y + 80], fill=(70, 130, 200))
        d.text((270 + v * 2, y + 20), f"{v} 件", font=F(30), fill=(30, 30, 30))
    return img, "aggregate statistics bar chart", {}


def r_slide_general(rng):
    t, b = rng.choice([
        ("本年度業務推動重點", ["強化為民服務效率", "推動數位化申辦", "落實節能減碳", "提升同仁專業知能"]),
        ("第二季工作報告", ["完成案件 1,284 件", "平均處理天數 4.2 天", "滿意度 92.5%", "下季目標：線上申辦比例提升至六成"]),
        ("防災整備說明", ["颱風季前完成抽水機檢修", "沙包備妥於各區公所", "緊急應變小組輪值表另行公告", "災情通報請撥 1999"]),
    ])
    return slide(rng, t, b, rng.choice(AGENCIES)), "work report slide", {}


# ----------------------------------------------------------------------------- FLAG renderers
def r_id_front(rng):
    return id_card_front(rng, name(rng), make_id(rng), roc_date(rng)), "ID card front photo (name, birth date, national ID)", {
        "types": ["tw_national_id", "person_name", "birth_date"], "small_ok": True}


def r_id_back(rng):
    W, H = 1012, 638
    img = Image.new("RGB", (W, H), (232, 236, 240))
    d = ImageDraw.Draw(img)
    y = 40
    for k, v in [("父", name(rng)), ("母", name(rng)), ("配偶", name(rng)), ("役別", rng.choice(["常備役", "替代役", "　"])), ("出生地", rng.choice(CITIES)), ("住址", address(rng))]:
        d.text((50, y), k, font=F(30), fill=(60, 60, 60))
        d.text((190, y - 4), v, font=F(36 if k != "住址" else 30), fill=(10, 10, 10))
        y += 80
    img.paste(barcode(rng, 600, 70), (50, H - 110))
    d.text((700, H - 100), f"{rng.randint(10 ** 9, 10 ** 10 - 1)}", font=F(28), fill=(30, 30, 30))
    return img, "ID card back (parents/spouse names, household address)", {"types": ["address", "person_name"], "small_ok": True}


def r_nhi(rng):
    W, H = 1012, 638
    img = Image.new("RGB", (W, H), (250, 246, 236))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, W, 110], fill=(230, 120, 80))
    d.text((40, 25), "全民健康保險卡", font=F(54, "sansb"), fill="white")
    d.text((W - 40, 40), "National Health Insurance", font=F(26), fill="white", anchor="ra")
    d.text((60, 170), name(rng), font=F(64, "sansb"), fill=(10, 10, 10))
    d.text((60, 280), make_id(rng), font=F(46, "sansb"), fill=(10, 10, 10))
    d.text((60, 360), roc_date(rng).replace("年", "/").replace("月", "/").replace("日", ""), font=F(40), fill=(10, 10, 10))
    d.text((60, 540), f"0000 {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}", font=F(34), fill=(40, 40, 40))
    img.paste(face(rng, 240, 300), (W - 290, 150))
    d.rounded_rectangle([620, 300, 700, 370], radius=8, fill=(210, 180, 90))
    return img, "NHI card (name, national ID, birth date)", {"types": ["tw_national_id", "person_name", "birth_date"], "small_ok": True}


def r_driver(rng):
    W, H = 1012, 638
    img = Image.new("RGB", (W, H), (238, 242, 250))
    d = ImageDraw.Draw(img)
    d.text((40, 25), "中華民國汽車駕駛執照", font=F(46, "sansb"), fill=(20, 40, 100))
    rows = [("姓名", name(rng)), ("出生日期", roc_date(rng)), ("證號", make_id(rng)), ("駕照種類", rng.choice(["普通小型車", "普通重型機車", "職業大貨車"])), ("住址", address(rng)),
            ("有效日期", "民國" + roc_date(rng, 120, 130))]
    y = 110
    for k, v in rows:
        d.text((40, y), k, font=F(26), fill=(70, 70, 70))
        d.text((190, y - 4), v, font=F(32 if k != "住址" else 24), fill=(10, 10, 10))
        y += 78
    img.paste(face(rng, 220, 280), (W - 260, 120))
    return img, "driver's licence (name, birth date, ID, address)", {"types": ["tw_national_id", "person_name", "birth_date", "address"], "small_ok": True}


def r_passport(rng):
    W, H = 1250, 880
    img = Image.new("RGB", (W, H), (240, 236, 246))
    d = ImageDraw.Draw(img)
    for i in range(0, H, 14):
        d.line([(0, i), (W, i + 40)], fill=(232, 226, 240))
    pno = str(rng.randint(300000000, 399999999))
    sur, given = rng.choice(["CHEN", "LIN", "HUANG", "WANG", "WU", "TSAI"]), rng.choice(["CHIH-MING", "SHU-FEN", "CHIA-HAO", "YA-TING", "KUAN-YU"])
    idn = make_id(rng)
    d.text((40, 30), "中華民國護照 REPUBLIC OF CHINA (TAIWAN) PASSPORT", font=F(32, "sansb"), fill=(60, 30, 80))
    img.paste(face(rng, 300, 380), (40, 110))
    fields = [("型式/Type", "P"), ("護照號碼/Passport No.", pno), ("姓名/Name", f"{sur}, {given}"), ("中文姓名", name(rng)), ("出生日期/Date of birth", f"{rng.randint(1, 28):02d} {rng.choice(['JAN', 'MAR', 'JUN', 'SEP', 'NOV'])} {rng.randint(1955, 2005)}"),
              ("身分證字號/Personal Id. No.", idn), ("效期截止日期/Date of expiry", f"{rng.randint(1, 28):02d} AUG {rng.randint(2027, 2035)}")]
    y = 110
    for k, v in fields:
        d.text((380, y), k, font=F(22), fill=(90, 70, 100))
        d.text((380, y + 26), v, font=F(32, "sansb"), fill=(10, 10, 10))
        y += 84
    mrz1 = f"P<TWN{sur}<<{given.replace('-', '<')}".ljust(44, "<")
    mrz2 = f"{pno}<TWN{rng.randint(500101, 991231)}{rng.randint(0, 9)}{rng.choice('MF')}{rng.randint(270101, 351231)}{rng.randint(0, 9)}{idn}".ljust(44, "<")[:44]
    d.text((40, H - 130), mrz1, font=ImageFont.truetype(FONT_FILES["sans"], 38, index=8), fill=(20, 20, 20))
    d.text((40, H - 70), mrz2, font=ImageFont.truetype(FONT_FILES["sans"], 38, index=8), fill=(20, 20, 20))
    return img, "passport data page (passport no., name, birth date, national ID, MRZ)", {"types": ["passport_number", "person_name", "birth_date", "tw_national_id"]}


def r_resident(rng):
    W, H = 1012, 638
    img = Image.new("RGB", (W, H), (236, 246, 240))
    d = ImageDraw.Draw(img)
    d.text((40, 25), "中華民國居留證 RESIDENT CERTIFICATE", font=F(38, "sansb"), fill=(20, 80, 60))
    nm = rng.choice(["NGUYEN THI LAN", "SANTOS MARIA CRUZ", "SITI RAHAYU", "TRAN VAN HUNG", "SOMCHAI SRISUK"])
    fields = [("姓名 Name", nm), ("國籍 Nationality", rng.choice(["越南 VNM", "菲律賓 PHL", "印尼 IDN", "泰國 THA"])), ("出生日期 DOB", f"{rng.randint(1970, 2003)}/{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}"),
              ("統一證號 UI No.", make_id(rng, resident=True)), ("護照號碼 Passport", f"{rng.choice(['C', 'P', 'B'])}{rng.randint(1000000, 9999999)}"), ("居留期限", f"{rng.randint(2026, 2029)}/{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}")]
    y = 100
    for k, v in fields:
        d.text((40, y), k, font=F(24), fill=(70, 70, 70))
        d.text((300, y - 4), v, font=F(32, "sansb"), fill=(10, 10, 10))
        y += 80
    img.paste(face(rng, 220, 280), (W - 260, 110))
    return img, "resident certificate (居留證) with UI number, passport no., name, birth date", {
        "types": ["tw_resident_id", "passport_number", "person_name", "birth_date"], "small_ok": True}


def r_household_transcript(rng):
    doc = Doc(1240, 1754, bg=(252, 250, 244))
    doc.title("戶籍謄本（現戶全部）", 44, "serifb")
    addr = address(rng)
    doc.line(f"戶號：{rng.choice('ABCDEFGH')}{rng.randint(1000000, 9999999)}　戶長：{name(rng)}", 28, "serif")
    doc.line(f"住址：{addr}", 28, "serif")
    rows = []
    for rel in rng.sample(["戶長", "配偶", "長子", "長女", "次子", "母"], rng.randint(3, 5)):
        rows.append([rel, name(rng), roc_date(rng, 30, 105), make_id(rng), rng.choice(["大學", "高中", "國中", "國小"])])
    doc.table(["稱謂", "姓名", "出生日期", "統一編號", "教育程度"], rows, [1, 2, 3, 3, 1], size=26, kind="serif")
    doc.line(f"列印日期：{today(rng)}　{rng.choice(DISTRICTS)}戶政事務所", 26, "serif")
    return doc.crop_used(), "household register transcript (names, birth dates, IDs, address)", {
        "types": ["tw_national_id", "person_name", "birth_date", "address"]}


def r_q_household(rng):
    img = web_system(rng, "戶役政資訊系統", "個人戶籍資料查詢", [("姓名", name(rng)), ("統一編號", make_id(rng)), ("出生日期", roc_date(rng)), ("性別", rng.choice(["男", "女"])),
                                                     ("戶籍地址", address(rng)), ("遷入日期", roc_date(rng, 100, 113)), ("父", name(rng)), ("母", name(rng))])
    return img, "household query-system screenshot with a person's data", {"types": ["tw_national_id", "person_name", "birth_date", "address"]}


def r_q_vehicle(rng):
    img = web_system(rng, "公路監理資訊系統", "車籍資料查詢", [("車牌號碼", plate(rng)), ("廠牌", rng.choice(["TOYOTA", "HONDA", "NISSAN", "MAZDA"])), ("車主姓名", name(rng)),
                                                    ("車主證號", make_id(rng)), ("車主地址", address(rng)), ("出廠年月", f"{rng.randint(2010, 2024)}/{rng.randint(1, 12):02d}")])
    return img, "vehicle-registration query screenshot (plate, owner, ID, address)", {"types": ["license_plate", "person_name", "tw_national_id", "address"]}


def r_q_travel(rng):
    rows = []
    for _ in range(rng.randint(4, 7)):
        rows.append([f"{rng.randint(2022, 2025)}/{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}", rng.choice(["出境", "入境"]), rng.choice(["桃園機場", "松山機場", "高雄機場", "金門水頭"]),
                     rng.choice(["CI", "BR", "JX", "IT"]) + str(rng.randint(100, 999)), rng.choice(["東京", "曼谷", "香港", "首爾", "胡志明市"])])
    img = web_system(rng, "入出國及移民資訊系統", "入出境紀錄查詢", [("姓名", name(rng)), ("身分證號", make_id(rng)), ("護照號碼", str(rng.randint(300000000, 399999999))), ("查詢區間", "近三年")],
                     table=(["日期", "出/入", "口岸", "班次", "目的地"], rows))
    return img, "immigration/travel record query screenshot", {"types": ["person_name", "tw_national_id", "passport_number", "travel_record"]}


def r_q_criminal(rng):
    rows = []
    for _ in range(rng.randint(2, 4)):
        rows.append([f"{rng.randint(95, 112)}年", rng.choice(["竊盜", "公共危險(酒駕)", "詐欺", "傷害", "毒品危害防制條例"]), rng.choice(["有期徒刑6月", "拘役50日", "緩刑2年", "易科罰金"]),
                     rng.choice(CITIES)[:2] + "地院"])
    img = web_system(rng, "刑案資訊系統", "前科紀錄查詢", [("姓名", name(rng)), ("身分證號", make_id(rng)), ("出生日期", roc_date(rng)), ("查詢結果", f"{len(rows)} 筆")],
                     table=(["年度", "案由", "判決", "法院"], rows))
    return img, "criminal-record query screenshot", {"types": ["person_name", "tw_national_id", "birth_date", "criminal_record"]}


def r_medical(rng):
    doc = Doc(1240, 1754)
    doc.title(f"{rng.choice(['市立聯合醫院', '綜合醫院', '區域教學醫院', '身心科診所'])}", 36, "sansb", gap=8)
    doc.title("診斷證明書", 48, "serifb")
    rows = [["姓名", name(rng), "性別", rng.choice(["男", "女"])], ["出生日期", roc_date(rng), "身分證號", make_id(rng)], ["病歷號碼", str(rng.randint(1000000, 9999999)), "科別", rng.choice(["精神科", "腫瘤科", "感染科", "神經內科"])]]
    doc.table(["項目", "內容", "項目", "內容"], rows, [2, 3, 2, 3], size=28, row_h=70)
    doc.line("診斷病名：", 30, "sansb")
    doc.para(rng.choice(["重度憂鬱症，合併焦慮症狀。", "第二期乳癌，術後化學治療中。", "人類免疫缺乏病毒感染。", "思覺失調症，需持續門診追蹤。", "第二型糖尿病合併腎病變。"]), 30, indent=30)
    doc.line("醫囑：", 30, "sansb")
    doc.para(f"病患於{today(rng)}至本院門診，建議休養{rng.randint(7, 30)}日，宜定期回診。", 28, indent=30)
    doc.line(f"醫師：{name(rng)}　　開立日期：{today(rng)}", 28)
    img = doc.crop_used()
    return img, "diagnosis certificate with patient name, ID and diagnosis", {"types": ["person_name", "tw_national_id", "birth_date", "health_info"]}


def r_passbook(rng):
    W, H = 1400, 900
    img = Image.new("RGB", (W, H), (246, 242, 230))
    d = ImageDraw.Draw(img)
    bank = rng.choice(["臺灣銀行", "合作金庫銀行", "第一銀行", "中華郵政", "土地銀行"])
    d.text((60, 40), f"{bank}　存摺封面內頁", font=F(44, "sansb"), fill=(30, 30, 30))
    d.text((60, 150), f"戶名：{name(rng)}", font=F(54, "sansb"), fill=(10, 10, 10))
    d.text((60, 250), f"帳號：{bank_account(rng)}", font=F(54, "sansb"), fill=(10, 10, 10))
    d.text((60, 350), f"分行：{rng.choice(DISTRICTS)}分行　開戶日：{today(rng)}", font=F(36), fill=(30, 30, 30))
    y = 460
    for _ in range(5):
        d.text((60, y), f"{rng.randint(113, 114)}/{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}　{rng.choice(['薪資', 'ATM提款', '轉帳', '利息'])}　{money(rng, 100, 90000)}　餘額 {money(rng, 1000, 900000)}",
               font=F(34), fill=(30, 30, 30))
        y += 70
    return img, "bank passbook page with account holder and account number", {"types": ["bank_account", "person_name"]}


def r_transfer(rng):
    doc = Doc(1240, 900, bg=(248, 250, 255))
    doc.title(f"{rng.choice(['臺灣銀行', '郵局', '第一銀行'])}　跨行匯款申請書", 40, "sansb")
    rows = [["匯款人姓名", name(rng)], ["匯款人電話", mobile(rng)], ["收款人戶名", name(rng)], ["收款銀行", rng.choice(["國泰世華", "中國信託", "玉山銀行"]) + f" {rng.choice(DISTRICTS)}分行"],
            ["收款帳號", bank_account(rng)], ["匯款金額", "新臺幣 " + money(rng, 5000, 500000) + " 元"], ["附言", rng.choice(["房租", "貨款", "借款"])]]
    doc.table(["欄位", "內容"], rows, [1, 2], size=30, row_h=66)
    return doc.crop_used(), "bank transfer slip with names, phone and account", {"types": ["bank_account", "person_name", "phone_number"]}


def r_warrant(rng):
    doc = Doc(1240, 1754)
    kind = rng.choice(["拘票", "搜索票"])
    doc.title(f"臺灣{rng.choice(['臺北', '新北', '桃園', '臺中', '高雄'])}地方檢察署", 38, "serifb", gap=8)
    doc.title(kind, 60, "serifb")
    doc.line(f"案號：{rng.choice([113, 114])}年度偵字第{rng.randint(1000, 29999)}號", 28, "serif")
    if kind == "拘票":
        rows = [["被告姓名", name(rng)], ["身分證統一編號", make_id(rng)], ["出生日期", roc_date(rng)], ["住居所", address(rng)], ["案由", rng.choice(["詐欺", "違反毒品危害防制條例", "貪污治罪條例"])],
                ["拘提理由", "經合法傳喚無正當理由不到場"], ["應解送處所", "本署法警室"]]
        types = ["warrant", "person_name", "tw_national_id", "birth_date", "address"]
    else:
        rows = [["受搜索人", name(rng)], ["應搜索處所", address(rng)], ["應扣押之物", "帳冊、手機、電腦主機及相關證物"], ["案由", rng.choice(["洗錢防制法", "組織犯罪防制條例", "圖利"])],
                ["有效期間", f"至{today(rng)}下午5時止"], ["執行人員", "本署檢察事務官及司法警察"]]
        types = ["warrant", "person_name", "address", "investigation_secret"]
    doc.table(["項目", "內容"], rows, [1, 3], size=28, row_h=72, kind="serif")
    doc.line(f"檢察官　{name(rng)}　　中華民國{today(rng)}", 30, "serif")
    doc.stamp(1000, doc.y + 40, "印", 60)
    doc.y += 120
    return doc.crop_used(), f"{kind} before execution (suspect / target details)", {"types": types}


def r_classified(rng):
    doc = Doc(1240, 1754)
    mark = rng.choice(["密", "機密", "極機密"])
    doc.d.text((60, 40), mark, font=F(60, "sansb"), fill=(200, 20, 20))
    doc.d.text((1180, 40), f"{mark}（本件於{today(rng)}解密）" if False else mark, font=F(60, "sansb"), fill=(200, 20, 20), anchor="ra")
    doc.y = 140
    official_header(doc, rng, rng.choice(AGENCIES))
    subj, body, types = rng.choice([
        ("有關本局執行「專案掃蕩」勤務部署一案", "本案預定於下週三凌晨4時同步執行搜索，目標為大同區兩處據點，請各組依附表人員配置準時集結，勿對外透露。", ["classified_marking", "investigation_secret"]),
        ("檢送本案行政調查報告（含涉案人員名單）", f"經調查，{name(rng)}科員涉嫌收受廠商招待，擬移送檢察機關偵辦，於偵結前請嚴守秘密。", ["classified_marking", "investigation_secret", "person_name"]),
        ("有關本府組織調整規劃草案", "本草案尚在研議階段，未經核定前不得對外公開，預計裁併兩處科室。", ["classified_marking"]),
    ])
    doc.para(f"主旨：{subj}，請查照。", 30, "serifb")
    doc.line("說明：", 30, "serif")
    doc.para("一、" + body, 28, "serif", indent=30)
    doc.para("二、本件列為" + mark + "，保密期限至案件偵結為止，閱後請繳回。", 28, "serif", indent=30)
    doc.y += 20
    doc.line(f"正本：{rng.choice(UNITS)}、{rng.choice(UNITS)}", 26, "serif")
    return doc.crop_used(), f"document with {mark} classification header, content not public", {"types": types}


def r_bidder_list(rng):
    case = rng.choice(["辦公廳舍空調汰換工程", "資訊設備採購案", "清潔勞務委外案", "道路刨鋪工程"])
    rows = [[str(i + 1), c, f"{today(rng)} {rng.randint(9, 16)}:{rng.randint(0, 59):02d}", rng.choice(["押標金已繳", "文件齊全", "待確認"])] for i, c in enumerate(rng.sample(COMPANIES, rng.randint(3, 6)))]
    doc = Doc(1240, 1400)
    doc.title(f"{case}　投標廠商登記表", 38, "sansb")
    doc.line(f"開標日期：{today(rng)}（尚未開標）　收件截止：{today(rng)}", 26)
    doc.table(["序", "投標廠商", "收件時間", "備註"], rows, [1, 4, 3, 2], size=26)
    if rng.random() < 0.6:
        doc.line(f"本案底價：新臺幣 {money(rng, 900000, 9000000)} 元（核定）", 32, "sansb", fill=(180, 20, 20))
    return doc.crop_used(), "list of bidders (and base price) before the opening", {"types": ["procurement_secret"]}


def r_base_price(rng):
    doc = Doc(1240, 1200)
    doc.title("底價核定表", 48, "serifb")
    rows = [["標案名稱", rng.choice(["辦公廳舍空調汰換工程", "資訊設備採購案", "公園景觀改善工程"])], ["預算金額", money(rng, 1000000, 9000000) + " 元"], ["建議底價", money(rng, 900000, 8000000) + " 元"],
            ["核定底價", money(rng, 900000, 8000000) + " 元"], ["開標日期", today(rng)], ["核定人", f"{rng.choice(['局長', '秘書長'])} {name(rng)}"]]
    doc.table(["項目", "內容"], rows, [1, 2], size=30, row_h=72)
    doc.line("※ 本表於決標前應予保密", 26, fill=(180, 20, 20))
    return doc.crop_used(), "base price sheet before the opening", {"types": ["procurement_secret"]}


def r_committee(rng):
    rows = [[str(i + 1), name(rng), rng.choice(["教授", "技師", "會計師", "建築師", "律師"]), rng.choice(["國立大學土木系", "技師公會", "會計師事務所", "本府工務局"]), mobile(rng)] for i in range(rng.randint(5, 7))]
    doc = Doc(1240, 1400)
    doc.title(f"{rng.choice(['宣導影片製作案', '系統委外開發案', '園區規劃設計案'])}　評選委員名單", 38, "sansb")
    doc.line(f"評選會議：{today(rng)}（尚未辦理）", 28)
    doc.table(["序", "姓名", "職稱", "服務單位", "聯絡電話"], rows, [1, 2, 2, 4, 3], size=26)
    return doc.crop_used(), "evaluation committee roster before the opening (names, mobiles)", {"types": ["procurement_secret", "person_name", "phone_number"]}


def r_personnel(rng):
    kind = rng.choice(["考績", "懲處"])
    rows = []
    for i in range(rng.randint(5, 9)):
        if kind == "考績":
            rows.append([str(i + 1), name(rng), rng.choice(["科員", "專員", "技士", "辦事員"]), rng.choice(["甲", "甲", "乙", "乙", "丙"]), rng.choice(["", "請假過多", "績效不佳", ""])])
        else:
            rows.append([str(i + 1), name(rng), rng.choice(["科員", "專員", "技士"]), rng.choice(["申誡一次", "記過一次", "記大過一次"]), rng.choice(["遲延公文", "違反採購程序", "出勤異常"])])
    doc = Doc(1240, 1400)
    doc.title(f"{rng.choice(AGENCIES)} {rng.choice([113, 114])}年{'年終考績初核名冊' if kind == '考績' else '懲處建議名單'}", 36, "sansb")
    doc.line("（考績委員會審議中，未經核定，請勿外流）" if rng.random() < 0.5 else f"{kind}委員會　{today(rng)}　草案", 26, fill=(150, 20, 20))
    doc.table(["序", "姓名", "職稱", "考列等次" if kind == "考績" else "擬議懲處", "備註" if kind == "考績" else "事由"], rows, [1, 2, 2, 2, 3], size=28)
    return doc.crop_used(), f"personnel {kind} list before approval", {"types": ["personnel_secret", "person_name"]}


def r_inspection_plan(rng):
    rows = []
    for _ in range(rng.randint(4, 7)):
        rows.append([f"{rng.randint(1, 12)}/{rng.randint(1, 28)}", f"{rng.randint(20, 23)}:{rng.choice(['00', '30'])}", rng.choice(["金鑫", "大吉", "夜貓", "星光", "皇家", "悅來"]) + rng.choice(["KTV", "酒店", "旅館", "電子遊戲場", "小吃部"]),
                     f"{rng.choice(ROADS)}{rng.randint(1, 300)}號", rng.choice(["A組", "B組", "聯合稽查"])])
    doc = Doc(1240, 1400)
    doc.title(rng.choice(["不預警稽查行程表", "下週聯合稽查勤務表", "夜間專案檢查排程"]), 42, "sansb")
    doc.line(rng.choice(["※ 本行程請勿外洩，避免業者事先得知", f"{rng.choice(UNITS)}　{today(rng)}", "請各組依表出勤"]), 26, fill=(150, 20, 20))
    doc.table(["日期", "時間", "受稽查對象", "地址", "編組"], rows, [1, 1, 3, 4, 2], size=26)
    return doc.crop_used(), "unannounced inspection schedule naming the targets", {"types": ["inspection_plan"]}


def r_whistle(rng):
    doc = Doc(1240, 1754, bg=(253, 253, 250))
    if rng.random() < 0.5:
        doc.title("檢舉書", 48, "serifb")
        rows = [["檢舉人姓名", name(rng)], ["聯絡電話", mobile(rng)], ["電子郵件", email_personal(rng)], ["聯絡地址", address(rng)], ["被檢舉人", f"{rng.choice(AGENCIES)}{rng.choice(UNITS)} {name(rng)}"],
                ["檢舉內容", rng.choice(["疑似收受廠商回扣", "上班時間經營私人事業", "浮報加班費"])], ["是否同意公開身分", "不同意"]]
        doc.table(["項目", "內容"], rows, [1, 3], size=28, row_h=74)
        types = ["whistleblower_identity", "person_name", "phone_number", "email", "address"]
        note = "whistleblower complaint form with complainant's name, phone, e-mail and address"
    else:
        doc.title("陳情書", 48, "serifb")
        nm, ph = name(rng), mobile(rng)
        doc.para(f"敬啟者：本人{nm}，住在附近，多次發現{rng.choice(COMPANIES)}夜間偷排廢水，懇請貴局派員稽查，並請勿透露本人身分，以免遭報復。", 30, "serif")
        doc.y += 20
        doc.line(f"陳情人：{nm}", 30, "serif")
        doc.line(f"電話：{ph}", 30, "serif")
        doc.line(f"身分證字號：{make_id(rng)}", 30, "serif")
        doc.line(f"{today(rng)}", 30, "serif")
        types = ["whistleblower_identity", "person_name", "phone_number", "tw_national_id"]
        note = "handwritten-style complaint letter with complainant's name, phone and ID"
    return doc.crop_used(), note, {"types": types}


def r_citizen_roster(rng):
    rows = [[str(i + 1), name(rng), make_id(rng), mobile(rng), address(rng) if rng.random() < 0.5 else rng.choice(["已領", "未領"])] for i in range(rng.randint(6, 10))]
    t = rng.choice(["急難救助申請名冊", "志工報名名冊", "疫苗接種預約名單", "社區關懷訪視名冊"])
    if rng.random() < 0.5:
        img = spreadsheet(rng, t, ["序號", "姓名", "身分證字號", "手機", "地址/備註"], rows, [1, 2, 3, 3, 6])
    else:
        doc = Doc(1400, 1400)
        doc.title(t, 40, "sansb")
        doc.table(["序號", "姓名", "身分證字號", "手機", "地址/備註"], rows, [1, 2, 3, 3, 6], size=24)
        img = doc.crop_used()
    return img, f"roster of citizens ({t}) with IDs and mobiles", {"types": ["person_name", "tw_national_id", "phone_number", "address"]}


def r_chat_leak(rng):
    nm, idn = name(rng), make_id(rng)
    variant = rng.choice(["id", "travel", "inspect", "whistle"])
    if variant == "id":
        msgs = [("櫃台小陳", f"幫我查一下這位民眾 {nm} {idn}，他說地址有變更", False), ("我", "好，我等等用系統查", True), ("櫃台小陳", "他在現場等，手機 " + mobile(rng), False)]
        types = ["person_name", "tw_national_id", "phone_number"]
    elif variant == "travel":
        msgs = [("阿明", f"{nm} 上個月20號從桃園出境去曼谷，27號才回來，系統查到的", False), ("我", "收到", True), ("阿明", "他身分證 " + idn, False)]
        types = ["person_name", "travel_record", "tw_national_id"]
    elif variant == "inspect":
        msgs = [("稽查組長", f"週四晚上九點突擊{rng.choice(['金鑫KTV', '星光酒店', '悅來旅館'])}，{rng.choice(ROADS)}那間，先不要講", False), ("我", "了解，幾個人去？", True), ("稽查組長", "四個，八點半集合", False)]
        types = ["inspection_plan"]
    else:
        msgs = [("承辦", f"這次檢舉{rng.choice(COMPANIES)}的是隔壁的{nm}，電話{mobile(rng)}", False), ("我", "要不要先跟業者說一下？", True), ("承辦", "先不要", False)]
        types = ["whistleblower_identity", "person_name", "phone_number"]
    return line_chat(rng, rng.choice(["業務聯繫", "第二科", "外勤小組"]), msgs), f"LINE chat screenshot leaking data in the messages ({variant})", {"types": types}


# ----------------------------------------------------------------------------- plan
PAPER = [("photo", 40), ("scan", 30), ("file", 12), ("screenshot_phone", 12), ("screen_photo", 6)]
CARD = [("photo", 65), ("scan", 28), ("file", 7)]
SCREEN = [("screenshot_pc", 40), ("screenshot_phone", 15), ("screen_photo", 30), ("file", 15)]
CHAT = [("screenshot_phone", 70), ("screen_photo", 20), ("photo", 10)]
SCENE = [("photo", 100)]
POSTER = [("photo", 55), ("file", 30), ("scan", 15)]

# kind: (renderer, expect, hard, captures, count, default types)
KINDS = {
    # ---- allow, not hard
    "event_photo": (r_event_photo, "allow", False, SCENE, 10),
    "agenda": (r_agenda, "allow", False, PAPER, 9),
    "budget_sheet": (r_budget, "allow", False, SCREEN, 10),
    "gantt_chart": (r_gantt, "allow", False, SCREEN, 9),
    "hotline_poster": (r_hotline_poster, "allow", False, POSTER, 10),
    "qr_poster": (r_qr_poster, "allow", False, POSTER, 9),
    "road_closure_notice": (r_road_closure, "allow", False, POSTER, 9),
    "timetable": (r_timetable, "allow", False, PAPER, 9),
    "weather_aqi_chart": (r_weather, "allow", False, SCREEN, 9),
    "calendar": (r_calendar, "allow", False, SCREEN, 9),
    "line_chat_logistics": (r_chat_logistics, "allow", False, CHAT, 10),
    "whiteboard": (r_whiteboard, "allow", False, SCENE, 9),
    "map": (r_map, "allow", False, SCREEN, 9),
    "stats_chart": (r_stats_chart, "allow", False, SCREEN, 9),
    "work_slide": (r_slide_general, "allow", False, SCREEN, 10),
    # ---- allow, hard (looks like a leak at first sight)
    "public_minutes": (r_minutes, "allow", True, PAPER, 13),
    "org_chart": (r_org_chart, "allow", True, SCREEN, 13),
    "business_card": (r_business_card, "allow", True, CARD, 13),
    "press_release": (r_press_release, "allow", True, PAPER, 13),
    "public_notice": (r_public_notice, "allow", True, PAPER, 13),
    "menu_or_drink_order": (r_menu_order, "allow", True, PAPER, 13),
    "receipt_einvoice": (r_receipt, "allow", True, CARD, 13),
    "duty_roster": (r_duty_roster, "allow", True, PAPER, 13),
    "training_slide": (r_training_slide, "allow", True, SCREEN, 13),
    "quiz_sheet": (r_quiz, "allow", True, PAPER, 13),
    "blank_form": (r_blank_form, "allow", True, PAPER, 13),
    "specimen_form": (r_specimen_form, "allow", True, PAPER, 13),
    "specimen_id_card": (r_specimen_id, "allow", True, CARD, 13),
    "award_notice": (r_award_notice, "allow", True, PAPER, 13),
    "inspection_results_published": (r_inspection_result, "allow", True, PAPER, 13),
    "line_chat_rules": (r_chat_rules, "allow", True, CHAT, 13),
    "system_maintenance_notice": (r_maintenance, "allow", True, SCREEN, 13),
    "floor_guide": (r_floor_guide, "allow", True, POSTER, 13),
    "unit_sign": (r_unit_sign, "allow", True, SCENE, 13),
    "masked_list": (r_masked_list, "allow", True, PAPER, 13),
    # ---- flag
    "id_card_front": (r_id_front, "flag", False, CARD, 5),
    "id_card_back": (r_id_back, "flag", True, CARD, 5),
    "nhi_card": (r_nhi, "flag", False, CARD, 5),
    "driver_licence": (r_driver, "flag", False, CARD, 5),
    "passport_page": (r_passport, "flag", False, CARD, 5),
    "resident_permit": (r_resident, "flag", False, CARD, 5),
    "household_transcript": (r_household_transcript, "flag", False, PAPER, 5),
    "query_household": (r_q_household, "flag", False, SCREEN, 5),
    "query_vehicle": (r_q_vehicle, "flag", False, SCREEN, 5),
    "query_travel": (r_q_travel, "flag", False, SCREEN, 5),
    "query_criminal": (r_q_criminal, "flag", False, SCREEN, 5),
    "medical_certificate": (r_medical, "flag", False, PAPER, 5),
    "bank_passbook": (r_passbook, "flag", False, CARD, 5),
    "transfer_slip": (r_transfer, "flag", False, PAPER, 5),
    "warrant": (r_warrant, "flag", False, PAPER, 5),
    "classified_doc": (r_classified, "flag", False, PAPER, 5),
    "bidder_list": (r_bidder_list, "flag", True, PAPER, 5),
    "base_price_sheet": (r_base_price, "flag", False, PAPER, 5),
    "evaluation_committee": (r_committee, "flag", True, PAPER, 5),
    "personnel_list": (r_personnel, "flag", True, PAPER, 5),
    "inspection_schedule": (r_inspection_plan, "flag", True, PAPER, 5),
    "whistleblower_letter": (r_whistle, "flag", False, PAPER, 5),
    "citizen_roster": (r_citizen_roster, "flag", False, PAPER, 5),
    "line_chat_leak": (r_chat_leak, "flag", True, CHAT, 5),
}
CHAT_KINDS = {"line_chat_logistics", "line_chat_rules", "line_chat_leak"}
SCENE_KINDS = {k for k, v in KINDS.items() if v[3] is SCENE}


def plan() -> list:
    items = []
    for kind, spec in KINDS.items():
        for i in range(spec[4]):
            items.append(kind)
    rng = random.Random("imgz-plan-v1")
    rng.shuffle(items)
    out = []
    for n, kind in enumerate(items, 1):
        out.append((f"z{n:04d}", kind))
    return out


def _pick(rng, weighted):
    tot = sum(w for _, w in weighted)
    x = rng.uniform(0, tot)
    for k, w in weighted:
        x -= w
        if x <= 0:
            return k
    return weighted[-1][0]


def cap_scene(img, rng):
    w, h = img.size
    cx, cy = rng.randint(0, w // 40), rng.randint(0, h // 30)
    img = img.crop((cx, cy, w - rng.randint(0, w // 40), h - rng.randint(0, h // 30)))
    img = img.rotate(rng.uniform(-3, 3), resample=Image.BICUBIC, fillcolor=(60, 60, 60))
    img = _light(img, rng, rng.uniform(0.15, 0.45))
    img = img.filter(ImageFilter.GaussianBlur(rng.uniform(0.5, 1.4)))
    return _noise(img, rng, rng.uniform(3, 9))


CAP_NOTE = {
    "photo": "phone photo: perspective, background, uneven light, blur, noise",
    "scan": "scan: tilt, speckle, maybe grayscale",
    "file": "clean exported image",
    "screenshot_phone": "phone screenshot frame",
    "screenshot_pc": "PC browser/window screenshot",
    "screen_photo": "photo of a screen: moire, glare, perspective",
}


def render_one(iid: str, kind: str):
    fn, expect, hard, caps, _ = KINDS[kind]
    rng = random.Random(f"imgz-{iid}-{kind}")
    content, note, extra = fn(rng)
    crng = random.Random(f"imgz-cap-{iid}")
    capture = _pick(crng, caps)
    title = crng.choice(["Google Chrome", "Microsoft Edge", "檔案檢視器", "PDF 閱讀器", "公文系統 - Microsoft Edge", "PowerPoint 投影片放映", "Excel"])
    if kind in SCENE_KINDS or extra.get("scene"):
        img = cap_scene(content, crng)
        capnote = "photo of a scene: crop, slight tilt, uneven light, blur, noise"
    elif kind in CHAT_KINDS:
        framed = phone_frame(content, crng)
        if capture == "screenshot_phone":
            img = framed
        else:
            img = cap_photo(framed, crng, screen=(capture == "screen_photo"))
        capnote = CAP_NOTE[capture].replace("PC browser/window", "phone")
    else:
        img = apply_capture(content, capture, crng, title)
        capnote = CAP_NOTE[capture]
    mods = []
    r = crng.random()
    if capture in ("photo", "scan", "file") and r < 0.13:
        rot = crng.choice([90, 180, 270])
        img = img.rotate(rot, expand=True)
        mods.append(f"rot{rot}")
    small_ok = extra.get("small_ok") or kind in CHAT_KINDS
    r2 = crng.random()
    if r2 < 0.13 and (small_ok or capture in ("file", "scan", "screenshot_pc")):
        lo = 500 if small_ok else 650
        target = crng.randint(lo, 700)
        s = target / min(img.size)
        img = img.resize((max(1, round(img.width * s)), max(1, round(img.height * s))), Image.LANCZOS)
        mods.append("small")
    elif r2 > 0.87:
        target = crng.randint(2000, 3000)
        s = target / max(img.size)
        img = img.resize((round(img.width * s), round(img.height * s)), Image.BICUBIC)
        mods.append("large")
    r3 = crng.random()
    fmt, q = "jpg", crng.randint(70, 92)
    if r3 < 0.14:
        q = crng.randint(15, 40)
        mods.append("lowq")
    elif r3 > 0.90 and capture in ("screenshot_phone", "screenshot_pc", "file"):
        fmt = "png"
        mods.append("png")
    style = "+".join([capture if not (kind in SCENE_KINDS or extra.get("scene")) else "photo"] + mods)
    degr = capnote
    if mods:
        degr += "; " + ", ".join({"small": f"short side {min(img.size)} px", "large": f"long side {max(img.size)} px", "lowq": f"JPEG q{q}", "png": "PNG"}.get(m, m) for m in mods)
    types = extra.get("types", []) if expect == "flag" else []
    rec = {"id": iid, "image": f"{iid}.{fmt}", "expect": expect, "types": types, "doc": kind, "style": style,
           "note": f"{note}; {degr}", "hard": hard}
    return img.convert("RGB"), fmt, q, rec


def check(path: Path) -> str | None:
    try:
        with Image.open(path) as im:
            im.load()
            a = np.asarray(im.convert("L"))
    except Exception as e:  # noqa: BLE001
        return f"decode error {e}"
    if min(a.shape) < 300:
        return f"short side {min(a.shape)}"
    if a.std() < 8:
        return "blank"
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(HERE))
    ap.add_argument("--only", default="")
    a = ap.parse_args()
    out = Path(a.out)
    (out / "img").mkdir(parents=True, exist_ok=True)
    only = {x for x in a.only.split(",") if x}
    t0 = time.time()
    recs = {}
    lp = out / "labels.jsonl"
    if only and lp.exists():
        for ln in lp.read_text().splitlines():
            r = json.loads(ln)
            recs[r["id"]] = r
    problems = []
    for iid, kind in plan():
        if only and iid not in only:
            continue
        img, fmt, q, rec = render_one(iid, kind)
        p = out / "img" / rec["image"]
        for old in (out / "img").glob(f"{iid}.*"):
            old.unlink()
        if fmt == "png":
            img.save(p, "PNG", optimize=False)
        else:
            img.save(p, "JPEG", quality=q)
        err = check(p)
        if err:
            problems.append((iid, err))
        recs[iid] = rec
    order = [i for i, _ in plan() if i in recs]
    with open(lp, "w", encoding="utf-8") as f:
        f.writelines(json.dumps(recs[i], ensure_ascii=False) + "\n" for i in order)
    dt = time.time() - t0
    print(f"wrote {len(recs)} labels, generated {len(only) if only else len(order)} images in {dt:.1f}s")
    for p in problems:
        print("PROBLEM", *p)


if __name__ == "__main__":
    main()
