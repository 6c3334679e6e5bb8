#!/usr/bin/env python3
"""Independent labelled IMAGE test set generator (images_t).

Writes img/tNNNN.(png|jpg) and labels.jsonl next to this file.
Deterministic: fixed seed, no external data.  Run:
    /work/main/.venv/bin/python gen.py
"""
import json
import math
import os
import random
import shutil
import sys
from functools import lru_cache

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

SEED = 20240611
HERE = os.path.dirname(os.path.abspath(__file__))
OUT_IMG = os.path.join(HERE, "img")
N_ALLOW = int(os.environ.get("NA", 330))
N_FLAG = int(os.environ.get("NF", 150))

# ---------------------------------------------------------------- fonts
NOTO_SANS = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
NOTO_SANS_B = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
NOTO_SERIF = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
NOTO_SERIF_B = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc"
WQY = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
FONTS = {
    "sans": (NOTO_SANS, 3), "sansb": (NOTO_SANS_B, 3),
    "serif": (NOTO_SERIF, 3), "serifb": (NOTO_SERIF_B, 3),
    "mono": (NOTO_SANS, 8), "wqy": (WQY, 0),
}


@lru_cache(maxsize=None)
def font(kind, size):
    path, idx = FONTS[kind]
    if not os.path.exists(path):  # fallback
        path, idx = (WQY, 0) if os.path.exists(WQY) else (NOTO_SANS, 3)
    return ImageFont.truetype(path, int(size), index=idx)


# ---------------------------------------------------------------- fake data
SURN = list("陳林黃張李王吳劉蔡楊許鄭謝洪郭邱曾廖賴徐周葉蘇莊呂江何蕭羅高潘簡朱鍾彭游詹胡施沈余盧梁趙顏柯翁魏孫戴")
GIV = list("志明雅婷怡君家豪建宏俊傑淑芬美玲宗翰冠宇佩珊欣承恩柏子涵詩宜庭文彥惠如秀英國華振榮偉誠嘉慧靜瑋琪筱育晴品妤哲維信安正中德仁立心")
CITIES = {
    "臺北市": ["中正區", "大安區", "信義區", "士林區", "北投區", "內湖區", "萬華區"],
    "新北市": ["板橋區", "三重區", "中和區", "新莊區", "新店區", "淡水區"],
    "桃園市": ["桃園區", "中壢區", "平鎮區", "八德區"],
    "臺中市": ["西屯區", "北屯區", "南屯區", "豐原區", "大里區"],
    "臺南市": ["東區", "永康區", "安平區", "中西區"],
    "高雄市": ["三民區", "苓雅區", "左營區", "鳳山區", "前鎮區"],
}
ROADS = ["中山路", "民生路", "復興路", "和平東路", "中正路", "民權西路", "光復南路", "建國北路",
         "忠孝東路", "自由路", "成功路", "文化路", "大同路", "青年路", "博愛路", "仁愛路"]
AGENCIES = [
    ("臺北市政府環境保護局", "臺北市信義區市府路1號", "(02)2720-8889", "北市環"),
    ("新北市政府衛生局", "新北市板橋區英士路192之1號", "(02)2257-7155", "新北衛"),
    ("桃園市政府消防局", "桃園市桃園區縣府路1號", "(03)337-9119", "桃消"),
    ("臺中市政府經濟發展局", "臺中市西屯區臺灣大道3段99號", "(04)2228-9111", "中市經"),
    ("臺南市政府工務局", "臺南市安平區永華路2段6號", "(06)299-1111", "南市工"),
    ("高雄市政府勞工局", "高雄市苓雅區四維三路2號", "(07)812-4613", "高市勞"),
    ("內政部移民署", "臺北市中正區廣州街15號", "(02)2388-9393", "移署"),
    ("臺北市政府警察局", "臺北市中正區延平南路96號", "(02)2331-3561", "北市警"),
    ("新北市政府地政局", "新北市板橋區中山路1段161號", "(02)2960-3456", "新北地"),
    ("高雄市政府衛生局", "高雄市苓雅區凱旋二路132之1號", "(07)713-4000", "高市衛"),
]
UNITS = ["秘書室", "人事室", "政風室", "會計室", "資訊室", "綜合規劃科", "稽查科", "管制科", "企劃科", "行政科"]
TITLES = ["科長", "股長", "專員", "科員", "技正", "技士", "視察", "約僱人員", "辦事員", "組長"]
COMPANIES = ["宏昌工程有限公司", "永豐營造股份有限公司", "建興資訊股份有限公司", "大益環保科技有限公司",
             "立信企業社", "新元工程顧問有限公司", "台揚資訊系統股份有限公司", "全成營造有限公司",
             "長佳清潔有限公司", "嘉和機電工程股份有限公司", "東榮科技股份有限公司", "合盛實業有限公司"]
SHOPS = ["阿忠小吃", "好味道便當", "晨光早餐店", "八方牛肉麵", "幸福咖啡", "大碗公滷肉飯", "小林水餃",
         "老街豆花", "金龍KTV", "星光網咖", "順發自助餐", "佳佳烘焙坊", "美樂蒂手搖飲", "福記燒臘"]
LETTER = dict(A=10, B=11, C=12, D=13, E=14, F=15, G=16, H=17, I=34, J=18, K=19, L=20, M=21, N=22,
              O=35, P=23, Q=24, R=25, S=26, T=27, U=28, V=29, W=32, X=30, Y=31, Z=33)
DIAG = ["第二型糖尿病", "思覺失調症", "重度憂鬱症", "乳癌第二期", "慢性腎臟病第五期", "肺結核",
        "酒精使用障礙症", "HIV感染", "C型肝炎", "失智症(中度)", "躁鬱症", "高血壓性心臟病"]
CRIMES = ["竊盜", "詐欺", "毒品危害防制條例", "公共危險(酒駕)", "傷害", "妨害自由", "侵占", "違反洗錢防制法"]

R = random.Random(SEED)


def name():
    return R.choice(SURN) + R.choice(GIV) + R.choice(GIV)


def ename(zh=None):
    sur = R.choice(["CHEN", "LIN", "HUANG", "CHANG", "LI", "WANG", "WU", "LIU", "TSAI", "YANG", "HSU", "CHENG"])
    giv = R.choice(["CHIH-MING", "YA-TING", "CHIA-HAO", "CHUN-CHIEH", "SHU-FEN", "MEI-LING", "KUAN-YU",
                    "PEI-SHAN", "HSIN-YI", "PO-HAN", "TZU-HAN", "WEN-YEN"])
    return sur, giv


def twid(sex=None, letter=None):
    letter = letter or R.choice("ABCDEFGHJKLMNPQRSTUVWXYZ")
    sex = sex or R.choice([1, 2])
    digs = [sex] + [R.randint(0, 9) for _ in range(7)]
    v = LETTER[letter]
    s = (v // 10) * 1 + (v % 10) * 9 + sum(d * w for d, w in zip(digs, [8, 7, 6, 5, 4, 3, 2, 1]))
    chk = (10 - s % 10) % 10
    return letter + "".join(map(str, digs)) + str(chk)


def arc_id():
    """New-format (2021) resident certificate UI number: letter + 8/9 + 7 digits + check."""
    letter = R.choice("ABCDEFGHJKLMNPQRSTUVWXYZ")
    digs = [R.choice([8, 9])] + [R.randint(0, 9) for _ in range(7)]
    v = LETTER[letter]
    s = (v // 10) + (v % 10) * 9 + sum(d * w for d, w in zip(digs, [8, 7, 6, 5, 4, 3, 2, 1]))
    return letter + "".join(map(str, digs)) + str((10 - s % 10) % 10)


def luhn_card(prefix="4"):
    n = [int(c) for c in prefix] + [R.randint(0, 9) for _ in range(15 - len(prefix))]
    tot = 0
    for i, d in enumerate(reversed(n)):
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    n.append((10 - tot % 10) % 10)
    s = "".join(map(str, n))
    return " ".join(s[i:i + 4] for i in range(0, 16, 4))


def mobile():
    return "09%d%d-%03d-%03d" % (R.randint(0, 8), R.randint(0, 9), R.randint(0, 999), R.randint(0, 999))


def mobile_plain():
    return mobile().replace("-", "")


def addr(full=True):
    c = R.choice(list(CITIES))
    s = c + R.choice(CITIES[c]) + R.choice(ROADS)
    if R.random() < .5:
        s += R.choice("一二三四") + "段"
    if R.random() < .5:
        s += "%d巷" % R.randint(2, 300)
    s += "%d號" % R.randint(1, 250)
    if full and R.random() < .6:
        s += "%d樓" % R.randint(2, 15)
    return s


def roc_date(y0=50, y1=95):
    return "民國%d年%d月%d日" % (R.randint(y0, y1), R.randint(1, 12), R.randint(1, 28))


def roc_ymd():
    return R.randint(50, 95), R.randint(1, 12), R.randint(1, 28)


def ext():
    return "%d" % R.randint(1000, 8999)


def agency():
    return R.choice(AGENCIES)


def docno(abbr, kw="字"):
    return "%s%s第113%07d號" % (abbr, kw, R.randint(0, 9999999))


def pdate():
    return "中華民國113年%d月%d日" % (R.randint(1, 12), R.randint(1, 28))


# ---------------------------------------------------------------- drawing helpers
def wrap(text, f, maxw):
    out, cur = [], ""
    for ch in text:
        if ch == "\n":
            out.append(cur)
            cur = ""
            continue
        if f.getlength(cur + ch) > maxw and cur:
            out.append(cur)
            cur = ch
        else:
            cur += ch
    out.append(cur)
    return out


class Page:
    def __init__(self, w=1240, h=1754, bg=(255, 255, 255), margin=90):
        self.im = Image.new("RGB", (w, h), bg)
        self.d = ImageDraw.Draw(self.im)
        self.w, self.h, self.m, self.y = w, h, margin, margin

    def text(self, s, size=32, kind="sans", fill=(25, 25, 25), align="left", indent=0, gap=0.45, x=None):
        f = font(kind, size)
        x0 = self.m + indent if x is None else x
        for ln in wrap(s, f, self.w - x0 - self.m):
            if align == "center":
                xx = (self.w - f.getlength(ln)) / 2
            elif align == "right":
                xx = self.w - self.m - f.getlength(ln)
            else:
                xx = x0
            self.d.text((xx, self.y), ln, font=f, fill=fill)
            self.y += int(size * (1 + gap))
        return self

    def title(self, s, size=50, kind="sansb", fill=(10, 10, 10)):
        self.text(s, size, kind, fill, align="center", gap=0.5)
        self.y += 8
        return self

    def gap(self, n=20):
        self.y += n
        return self

    def hline(self, color=(60, 60, 60), width=2):
        self.d.line([(self.m, self.y), (self.w - self.m, self.y)], fill=color, width=width)
        self.y += 14
        return self

    def table(self, headers, rows, widths=None, size=27, kind="sans", head_fill=(225, 230, 240), rowh=None):
        n = len(headers)
        widths = widths or [1] * n
        tot = sum(widths)
        W = self.w - 2 * self.m
        xs = [self.m]
        for wd in widths:
            xs.append(xs[-1] + W * wd / tot)
        f, fb = font(kind, size), font("sansb", size)
        rowh = rowh or int(size * 1.9)
        allrows = [headers] + rows
        for ri, row in enumerate(allrows):
            # multi-line cells
            cells = [wrap(str(c), f, xs[i + 1] - xs[i] - 14) for i, c in enumerate(row)]
            h = max(rowh, max(len(c) for c in cells) * int(size * 1.3) + int(size * .6))
            if self.y + h > self.h - 40:
                break
            if ri == 0 and head_fill:
                self.d.rectangle([xs[0], self.y, xs[-1], self.y + h], fill=head_fill)
            for i, c in enumerate(cells):
                yy = self.y + (h - len(c) * int(size * 1.3)) / 2
                for ln in c:
                    self.d.text((xs[i] + 8, yy), ln, font=fb if ri == 0 else f, fill=(20, 20, 20))
                    yy += int(size * 1.3)
            for i in range(n + 1):
                self.d.line([(xs[i], self.y), (xs[i], self.y + h)], fill=(70, 70, 70), width=2)
            self.d.line([(xs[0], self.y), (xs[-1], self.y)], fill=(70, 70, 70), width=2)
            self.y += h
        self.d.line([(xs[0], self.y), (xs[-1], self.y)], fill=(70, 70, 70), width=2)
        self.y += 20
        return self

    def kv(self, pairs, size=31, keyw=230, kind="sans"):
        f, fb = font(kind, size), font("sansb", size)
        for k, v in pairs:
            self.d.text((self.m, self.y), k, font=fb, fill=(30, 30, 30))
            lines = wrap(v, f, self.w - self.m * 2 - keyw)
            for ln in lines:
                self.d.text((self.m + keyw, self.y), ln, font=f, fill=(25, 25, 25))
                self.y += int(size * 1.5)
        return self

    def stamp(self, s, xy=None, size=54, color=(200, 20, 20), box=True):
        f = font("sansb", size)
        tw = f.getlength(s)
        x, y = xy if xy else (self.w - self.m - tw - 30, 30)
        self.d.text((x + 14, y + 6), s, font=f, fill=color)
        if box:
            self.d.rectangle([x, y, x + tw + 28, y + size * 1.45], outline=color, width=5)
        return self

    def watermark(self, s, size=200, color=(220, 40, 40, 90), angle=30):
        watermark(self.im, s, size, color, angle)
        self.d = ImageDraw.Draw(self.im)
        return self


def watermark(im, s, size=200, color=(220, 40, 40, 90), angle=30, kind="sansb"):
    f = font(kind, size)
    tw = int(f.getlength(s)) + 20
    layer = Image.new("RGBA", (tw, int(size * 1.5)), (0, 0, 0, 0))
    ImageDraw.Draw(layer).text((10, 0), s, font=f, fill=color)
    layer = layer.rotate(angle, expand=True, resample=Image.BICUBIC)
    x = (im.width - layer.width) // 2
    y = (im.height - layer.height) // 2
    base = im.convert("RGBA")
    base.alpha_composite(layer, (max(x, 0), max(y, 0)))
    im.paste(base.convert("RGB"))


def seal(d, x, y, text, size=34, color=(205, 30, 30)):
    """Square red seal with 2x2 characters (signature chop)."""
    f = font("serifb", size)
    d.rectangle([x, y, x + size * 2 + 20, y + size * 2 + 20], outline=color, width=4)
    t = (text + "印印印")[:4]
    d.text((x + 10 + size, y + 8), t[0], font=f, fill=color)
    d.text((x + 10 + size, y + 8 + size), t[1], font=f, fill=color)
    d.text((x + 10, y + 8), t[2], font=f, fill=color)
    d.text((x + 10, y + 8 + size), t[3], font=f, fill=color)


def person_icon(im, box, bg=(200, 205, 210)):
    d = ImageDraw.Draw(im)
    x0, y0, x1, y1 = box
    d.rectangle(box, fill=bg)
    cx = (x0 + x1) / 2
    w = x1 - x0
    d.ellipse([cx - w * .2, y0 + (y1 - y0) * .15, cx + w * .2, y0 + (y1 - y0) * .15 + w * .42], fill=(120, 120, 130))
    d.pieslice([x0 + w * .1, y0 + (y1 - y0) * .58, x1 - w * .1, y1 + (y1 - y0) * .35], 180, 360, fill=(120, 120, 130))


def gradient(w, h, c0, c1, vertical=True):
    a = np.linspace(0, 1, h if vertical else w)
    c0, c1 = np.array(c0, float), np.array(c1, float)
    g = c0[None, :] * (1 - a[:, None]) + c1[None, :] * a[:, None]
    if vertical:
        arr = np.repeat(g[:, None, :], w, axis=1)
    else:
        arr = np.repeat(g[None, :, :], h, axis=0)
    return Image.fromarray(arr.astype(np.uint8))


# ---------------------------------------------------------------- phone / desktop frames
PHONE_W, PHONE_H = 1080, 2340


def status_bar(d, w, dark=False, carrier=None):
    col = (240, 240, 240) if dark else (20, 20, 20)
    f = font("sansb", 36)
    t = "%d:%02d" % (R.randint(7, 22), R.randint(0, 59))
    d.text((50, 18), t, font=f, fill=col)
    batt = "%d%%" % R.randint(15, 99)
    right = (carrier or R.choice(["5G", "4G", "LTE"])) + "  " + batt
    d.text((w - 60 - f.getlength(right) - 60, 18), right, font=f, fill=col)
    d.rectangle([w - 110, 26, w - 52, 56], outline=col, width=3)
    d.rectangle([w - 106, 30, w - 60, 52], fill=col)


def phone_canvas(bg=(255, 255, 255), dark_status=False, status_bg=None):
    im = Image.new("RGB", (PHONE_W, PHONE_H), bg)
    d = ImageDraw.Draw(im)
    if status_bg:
        d.rectangle([0, 0, PHONE_W, 80], fill=status_bg)
    status_bar(d, PHONE_W, dark_status)
    return im, d


def line_chat(group, msgs, me="我"):
    """msgs: list of (sender, text) ; sender == me -> right bubble."""
    im, d = phone_canvas(bg=(140, 171, 217), status_bg=(40, 50, 70), dark_status=True)
    d.rectangle([0, 80, PHONE_W, 220], fill=(40, 50, 70))
    d.text((40, 110), "<", font=font("sans", 56), fill=(255, 255, 255))
    d.text((120, 118), group, font=font("sansb", 46), fill=(255, 255, 255))
    f = font("sans", 42)
    fn = font("sans", 30)
    y = 250
    d.text((PHONE_W / 2 - 80, y), R.choice(["今天", "昨天", "週二", "6/12(三)"]), font=fn, fill=(250, 250, 250))
    y += 60
    for sender, text in msgs:
        lines = wrap(text, f, 660)
        bw = max(f.getlength(l) for l in lines) + 50
        bh = len(lines) * 58 + 36
        if y + bh + 60 > PHONE_H - 160:
            break
        tm = "%s %d:%02d" % (R.choice(["上午", "下午"]), R.randint(1, 12), R.randint(0, 59))
        if sender == me:
            x1 = PHONE_W - 40
            d.rounded_rectangle([x1 - bw, y, x1, y + bh], 30, fill=(141, 224, 92))
            for i, l in enumerate(lines):
                d.text((x1 - bw + 25, y + 16 + i * 58), l, font=f, fill=(10, 10, 10))
            d.text((x1 - bw - 150, y + bh - 36), tm, font=fn, fill=(70, 80, 100))
            y += bh + 30
        else:
            d.ellipse([30, y, 120, y + 90], fill=(R.randint(120, 230), R.randint(120, 230), R.randint(120, 230)))
            d.text((58, y + 18), sender[0], font=font("sansb", 42), fill=(255, 255, 255))
            d.text((145, y - 4), sender, font=fn, fill=(30, 30, 40))
            y += 42
            d.rounded_rectangle([145, y, 145 + bw, y + bh], 30, fill=(255, 255, 255))
            for i, l in enumerate(lines):
                d.text((170, y + 16 + i * 58), l, font=f, fill=(10, 10, 10))
            d.text((145 + bw + 14, y + bh - 36), tm, font=fn, fill=(70, 80, 100))
            y += bh + 30
    d.rectangle([0, PHONE_H - 150, PHONE_W, PHONE_H], fill=(250, 250, 250))
    d.rounded_rectangle([170, PHONE_H - 125, PHONE_W - 170, PHONE_H - 45], 40, fill=(235, 235, 235))
    d.text((200, PHONE_H - 112), "Aa", font=font("sans", 40), fill=(150, 150, 150))
    return im


def phone_viewer(page_img, appname="PDF 檢視器"):
    """Page shown inside a phone file-viewer screenshot."""
    im, d = phone_canvas(bg=(60, 60, 64), status_bg=(30, 30, 34), dark_status=True)
    d.rectangle([0, 80, PHONE_W, 200], fill=(30, 30, 34))
    d.text((40, 105), "←  " + appname, font=font("sans", 46), fill=(240, 240, 240))
    pg = page_img.resize((PHONE_W - 20, int(page_img.height * (PHONE_W - 20) / page_img.width)), Image.LANCZOS)
    im.paste(pg.crop((0, 0, pg.width, min(pg.height, PHONE_H - 260))), (10, 220))
    return im


def desktop_window(title, url, w=1920, h=1080):
    im = Image.new("RGB", (w, h), (245, 246, 248))
    d = ImageDraw.Draw(im)
    d.rectangle([0, 0, w, 60], fill=(222, 225, 230))
    d.rounded_rectangle([20, 10, 480, 60], 12, fill=(245, 246, 248))
    d.text((40, 18), title[:18], font=font("sans", 24), fill=(30, 30, 30))
    d.rectangle([0, 60, w, 120], fill=(245, 246, 248))
    d.rounded_rectangle([160, 70, w - 200, 112], 20, fill=(230, 232, 236))
    d.text((190, 76), url, font=font("sans", 24), fill=(60, 60, 60))
    d.text((30, 70), "← → ⟳", font=font("sans", 28), fill=(90, 90, 90))
    # taskbar
    d.rectangle([0, h - 48, w, h], fill=(32, 36, 44))
    d.text((w - 190, h - 42), "下午 %d:%02d" % (R.randint(1, 5), R.randint(0, 59)), font=font("sans", 22), fill=(230, 230, 230))
    return im, d


# ---------------------------------------------------------------- degradations
def desk_bg(w, h):
    base = R.choice([(120, 90, 60), (150, 115, 80), (90, 95, 100), (170, 170, 165), (60, 62, 70), (200, 190, 175)])
    g = gradient(w, h, base, tuple(max(0, c - 40) for c in base), vertical=R.random() < .5)
    noise = np.random.default_rng(R.randint(0, 1 << 30)).normal(128, 40, (h // 4 + 1, w // 4 + 1)).clip(0, 255).astype(np.uint8)
    nz = Image.fromarray(noise).resize((w, h), Image.BILINEAR).convert("RGB")
    return Image.blend(g, nz, 0.12)


def persp_coeffs(src, dst):
    A, B = [], []
    for (x, y), (X, Y) in zip(dst, src):
        A.append([x, y, 1, 0, 0, 0, -X * x, -X * y])
        A.append([0, 0, 0, x, y, 1, -Y * x, -Y * y])
        B += [X, Y]
    return np.linalg.solve(np.array(A, float), np.array(B, float)).tolist()


def photo_of(doc, skew=0.0, angle=None, fill_frac=None):
    """Place the document on a desk, slight rotation / perspective."""
    fill_frac = fill_frac or R.uniform(.78, .9)
    W = int(doc.width / fill_frac)
    H = int(doc.height / fill_frac)
    bg = desk_bg(W, H)
    # shadow
    sh = Image.new("L", doc.size, 0)
    d = doc
    if skew:
        w, h = doc.size
        k = skew
        dst = [(R.uniform(0, k) * w, R.uniform(0, k) * h), (w - R.uniform(0, k) * w, R.uniform(0, k) * h),
               (w - R.uniform(0, k) * w, h - R.uniform(0, k) * h), (R.uniform(0, k) * w, h - R.uniform(0, k) * h)]
        src = [(0, 0), (w, 0), (w, h), (0, h)]
        c = persp_coeffs(src, dst)
        mask = Image.new("L", doc.size, 255).transform(doc.size, Image.PERSPECTIVE, c, Image.BILINEAR)
        d = doc.transform(doc.size, Image.PERSPECTIVE, c, Image.BILINEAR)
    else:
        mask = Image.new("L", doc.size, 255)
    ang = R.uniform(-3.5, 3.5) if angle is None else angle
    d = d.rotate(ang, expand=True, resample=Image.BILINEAR)
    mask = mask.rotate(ang, expand=True)
    ox = (W - d.width) // 2 + R.randint(-15, 15)
    oy = (H - d.height) // 2 + R.randint(-15, 15)
    shadow = Image.new("RGB", d.size, (20, 20, 20))
    bg.paste(shadow, (ox + 10, oy + 12), mask.filter(ImageFilter.GaussianBlur(8)).point(lambda v: v * 0.5))
    bg.paste(d, (ox, oy), mask)
    return bg


def lighting(im, strength=0.35):
    W0, H0 = im.size
    w, h = max(2, W0 // 8), max(2, H0 // 8)
    cx, cy = R.uniform(0, w), R.uniform(0, h)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    dist = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2) / math.hypot(w, h)
    fac = 1.05 - strength * dist * 1.6
    if R.random() < .5:  # a soft shadow band (phone / hand)
        ang = R.uniform(0, math.pi)
        proj = (xx - w / 2) * math.cos(ang) + (yy - h / 2) * math.sin(ang)
        fac = fac * (1 - 0.22 * (proj > R.uniform(-w / 4, w / 4)))
    fac = np.clip(fac, 0.45, 1.1).astype(np.float32)
    fac = np.asarray(Image.fromarray(fac, mode="F").resize((W0, H0), Image.BILINEAR), np.float32)
    arr = np.asarray(im, np.float32) * fac[:, :, None]
    warm = np.array([1.0, R.uniform(.95, 1), R.uniform(.85, 1)], np.float32)
    return Image.fromarray(np.clip(arr * warm, 0, 255).astype(np.uint8))


def add_noise(im, sigma):
    arr = np.asarray(im, np.float32)
    n = np.random.default_rng(R.randint(0, 1 << 30)).standard_normal(arr.shape[:2] + (1,), dtype=np.float32) * sigma
    return Image.fromarray(np.clip(arr + n, 0, 255).astype(np.uint8))


def fit_long(im, lo, hi):
    L = max(im.size)
    target = R.randint(lo, hi)
    if L != target:
        s = target / L
        im = im.resize((max(1, int(im.width * s)), max(1, int(im.height * s))), Image.LANCZOS)
    return im


def content_crop(im, pad=30):
    arr = np.asarray(im.convert("L"))
    bgv = np.median(np.concatenate([arr[0], arr[-1], arr[:, 0], arr[:, -1]]))
    ys, xs = np.where(np.abs(arr.astype(int) - bgv) > 40)
    if len(xs) == 0:
        return im
    x0, x1 = max(0, xs.min() - pad), min(im.width, xs.max() + pad)
    y0, y1 = max(0, ys.min() - pad), min(im.height, ys.max() + pad)
    return im.crop((x0, y0, x1, y1))


STYLES = {
    "page": ["scan", "scan", "scan_jpg", "photo", "photo", "photo_skew", "photo_uneven", "photo_blur",
             "photo_noise", "rot90", "rot180", "lowq", "crop", "phone_viewer"],
    "card": ["photo", "photo", "photo_skew", "photo_uneven", "photo_blur", "photo_noise", "scan_jpg",
             "rot90", "rot180", "lowq", "crop"],
    "phone": ["screenshot", "screenshot", "screenshot", "screenshot_jpg", "lowq", "crop", "photo_of_screen"],
    "desktop": ["screenshot", "screenshot", "screenshot_jpg", "lowq", "crop", "photo_of_screen"],
    "scene": ["photo", "photo", "lowq", "rot90", "photo_blur", "photo_noise"],
}


def render(im, kind, style):
    """Return (image, ext, quality, notes)."""
    notes = []
    ext, q = "png", None
    cap = 1500 if style in ("scan", "phone_viewer", "crop") else 1250
    if kind in ("page", "card", "scene") and max(im.size) > cap:
        s = cap / max(im.size)
        im = im.resize((int(im.width * s), int(im.height * s)), Image.LANCZOS)
    big = (1300, 1800)
    if kind == "card":
        big = (1200, 1700)
    if style == "scan":
        im = fit_long(im, 1400, 1754)
        ext = "png" if R.random() < .6 else "jpg"
        q = R.randint(80, 95)
    elif style == "scan_jpg":
        if kind == "card":
            im = photo_of(im, angle=R.uniform(-1, 1), fill_frac=.7)
            im = Image.blend(im, Image.new("RGB", im.size, (245, 245, 245)), .35)
        im = fit_long(im, 1200, 1700)
        ext, q = "jpg", R.randint(70, 90)
    elif style in ("photo", "photo_skew", "photo_uneven", "photo_blur", "photo_noise"):
        if kind != "scene":
            im = photo_of(im, skew=R.uniform(.03, .07) if style == "photo_skew" else 0,
                          angle=R.uniform(-5, 5) if style == "photo_skew" else None)
        im = lighting(im, .55 if style == "photo_uneven" else R.uniform(.1, .3))
        if style == "photo_blur":
            im = fit_long(im, *big)
            im = im.filter(ImageFilter.GaussianBlur(R.uniform(0.9, 1.5)))
            notes.append("gaussian blur")
        else:
            im = fit_long(im, *big)
            im = im.filter(ImageFilter.GaussianBlur(0.5))
        if style == "photo_noise":
            im = add_noise(im, R.uniform(8, 14))
            notes.append("sensor noise")
        if style == "photo_skew":
            notes.append("perspective skew")
        if style == "photo_uneven":
            notes.append("uneven lighting")
        ext, q = "jpg", R.randint(70, 92)
    elif style in ("rot90", "rot180"):
        if kind in ("page", "card") and R.random() < .6:
            im = photo_of(im, angle=R.uniform(-2, 2))
            im = lighting(im, R.uniform(.1, .3))
        im = fit_long(im, *big)
        if style == "rot90":
            im = im.transpose(R.choice([Image.ROTATE_90, Image.ROTATE_270]))
        else:
            im = im.transpose(Image.ROTATE_180)
        ext, q = "jpg", R.randint(55, 90)
        if q < 61:
            notes.append("low jpeg quality")
    elif style == "lowq":
        if kind in ("page", "card") and R.random() < .6:
            im = photo_of(im)
            im = lighting(im, R.uniform(.1, .35))
        im = fit_long(im, *big)
        ext, q = "jpg", R.randint(30, 60)
        notes.append("low jpeg quality")
    elif style == "crop":
        if kind in ("page",):
            im = content_crop(im, pad=R.randint(15, 50))
        elif kind == "card":
            im = photo_of(im, fill_frac=.85)
            w, h = im.size
            im = im.crop((int(w * .05), int(h * .05), int(w * .95), int(h * .95)))
        else:
            w, h = im.size
            top = int(h * R.uniform(.03, .08))
            im = im.crop((0, top, w, h - int(h * R.uniform(0, .1))))
        im = fit_long(im, 1000, 1800)
        ext = R.choice(["png", "jpg"])
        q = R.randint(75, 92)
        notes.append("cropped")
    elif style == "phone_viewer":
        im = phone_viewer(im)
        im = fit_long(im, 1900, 2000)
        ext, q = R.choice(["png", "jpg"]), 88
        notes.append("page shown in phone viewer")
    elif style in ("screenshot", "screenshot_jpg"):
        im = fit_long(im, max(1700, min(2000, max(im.size))), 2000) if kind == "phone" else fit_long(im, 1600, 1920)
        ext = "png" if style == "screenshot" else "jpg"
        q = R.randint(75, 92)
    elif style == "photo_of_screen":
        im2 = Image.new("RGB", (im.width + 60, im.height + 60), (15, 15, 15))
        im2.paste(im, (30, 30))
        im = photo_of(im2, skew=.03, angle=R.uniform(-3, 3), fill_frac=.88)
        im = lighting(im, .3)
        im = fit_long(im, 1700, 2000)
        # moire-ish faint pattern
        arr = np.asarray(im, np.float32)
        yy = np.arange(im.height, dtype=np.float32)[:, None]
        arr = arr * (1 - 0.04 * (np.sin(yy * 0.9) ** 2))[:, :, None]
        im = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.7))
        ext, q = "jpg", R.randint(65, 88)
        notes.append("photo of a monitor/phone screen")
    else:
        raise ValueError(style)
    return im, ext, q, notes


# ================================================================ ALLOW generators
# each returns dict(im, kind, doc, note, hard[, types, style])
def letter_head(p, ag, kind_title="函"):
    p.title(ag[0] + "　" + kind_title, size=54, kind="serifb")
    return p


def a_meeting_notice():
    ag = agency()
    p = Page()
    p.title(ag[0] + "　開會通知單", 48, "serifb")
    host, contact = name(), name()
    p.kv([("受文者：", "如正副本"), ("發文日期：", pdate()), ("發文字號：", docno(ag[3])),
          ("速別：", "普通件"), ("密等及解密條件或保密期限：", "")], 29, 380)
    p.gap(10)
    p.kv([("開會事由：", R.choice(["研商本局113年度資通安全稽核缺失改善事宜", "召開113年度第2次政風業務聯繫會報",
                               "研商公共工程查核小組年度檢查作業分工", "討論個人資料保護管理制度內部稽核結果"])),
          ("開會時間：", "113年%d月%d日（星期%s）上午%d時30分" % (R.randint(1, 12), R.randint(1, 28), R.choice("一二三四五"), R.randint(9, 10))),
          ("開會地點：", ag[1] + " %d樓第%d會議室" % (R.randint(2, 12), R.randint(1, 3))),
          ("主持人：", "%s %s" % (R.choice(["副局長", "主任秘書", "署長", "局長"]), host)),
          ("聯絡人及電話：", "%s %s %s 分機%s" % (R.choice(UNITS), contact, ag[2], ext())),
          ("出席者：", "、".join(R.sample(UNITS, 5)) + "、本局各科室")], 30, 250)
    p.gap(20).text("備註：請準時出席；本案資料於會中分送，會後請收回。", 28)
    seal(p.d, p.w - 300, p.h - 330, "局長之印", 50)
    return dict(im=p.im, kind="page", doc="meeting notice (開會通知單)", hard=True,
                note="hard: names host and contact official with office line/分機; subject mentions 稽核/檢查; empty 密等 field")


def a_agenda():
    p = Page()
    ag = agency()
    p.title("%s 113年第%d次%s 議程" % (ag[0], R.randint(1, 6), R.choice(["科務會議", "主管會報", "業務檢討會"])), 42)
    p.text("時間：113年%d月%d日 %d:30　地點：第%d會議室　主席：%s%s" % (R.randint(1, 12), R.randint(1, 28), R.randint(9, 15), R.randint(1, 5), R.choice(["局長", "處長", "主任"]), name()), 28)
    p.gap(10).hline()
    rows = []
    t = 9 * 60 + 30
    for item in R.sample(["主席致詞", "上次會議決議事項執行情形", "業務報告：稽查科", "業務報告：管制科", "提案討論：年度預算分配",
                          "提案討論：辦公室搬遷時程", "資安宣導（社交工程演練結果）", "個資保護教育訓練規劃", "臨時動議", "散會"], 7):
        rows.append(["%02d:%02d" % (t // 60, t % 60), item, R.choice(UNITS)])
        t += R.choice([10, 15, 20, 30])
    p.table(["時間", "議程", "報告單位"], rows, [1, 3, 1.3], 28)
    return dict(im=p.im, kind="page", doc="meeting agenda", hard=False, note="ordinary agenda")


def a_signin():
    p = Page()
    ag = agency()
    p.title(R.choice(["個人資料保護教育訓練", "廉政倫理宣導講習", "資通安全教育訓練", "公文線上簽核說明會"]) + " 簽到表", 44)
    p.text("日期：113年%d月%d日　地點：%s %d樓大禮堂" % (R.randint(1, 12), R.randint(1, 28), ag[0], R.randint(2, 9)), 28)
    rows = []
    for i in range(R.randint(12, 17)):
        rows.append([str(i + 1), R.choice(UNITS), R.choice(TITLES), name(), ""])
    p.table(["編號", "單位", "職稱", "姓名", "簽名"], rows, [.7, 1.6, 1.2, 1.3, 1.6], 27)
    return dict(im=p.im, kind="page", doc="staff sign-in sheet", hard=True,
                note="hard: list of staff names/units only, no personal identifiers")


def a_roster():
    p = Page()
    ag = agency()
    m = R.randint(1, 12)
    p.title("%s 113年%d月份 假日值日（值班）輪值表" % (ag[0], m), 40)
    rows = []
    for dday in sorted(R.sample(range(1, 29), 9)):
        rows.append(["%d/%d" % (m, dday), R.choice("六日"), name(), R.choice(UNITS), "分機" + ext()])
    p.table(["日期", "星期", "值日人員", "單位", "聯絡分機"], rows, [1, .8, 1.3, 1.5, 1.3], 28)
    p.text("值班專線：%s　值日人員請於8:30前至%s報到。如需換班請填寫換班單送人事室。" % (ag[2], R.choice(UNITS)), 27)
    return dict(im=p.im, kind="page", doc="duty roster", hard=True,
                note="hard: staff names with office extensions and agency duty line")


def a_phonelist():
    p = Page()
    ag = agency()
    p.title(ag[0] + " 各單位分機表", 44)
    p.text("總機：%s　　傳真：%s　　地址：%s" % (ag[2], ag[2][:-4] + "%04d" % R.randint(0, 9999), ag[1]), 26)
    rows = []
    for u in R.sample(UNITS, 8):
        for t in R.sample(TITLES[:4], 2):
            rows.append([u, t, name(), ext()])
    p.table(["單位", "職稱", "姓名", "分機"], rows, [1.6, 1.2, 1.3, 1], 27)
    return dict(im=p.im, kind="page", doc="office extension list", hard=True,
                note="hard: many staff names and 分機 numbers; office directory, not personal data leak")


def a_public_notice():
    ag = agency()
    p = Page()
    p.title(ag[0] + "　公告", 54, "serifb")
    p.kv([("發文日期：", pdate()), ("發文字號：", docno(ag[3])), ("附件：", "如主旨")], 28, 200)
    subj = R.choice(["公告本市113年度上半年餐飲業衛生稽查結果", "公告113年度工廠排放廢水稽查結果及處分情形",
                     "公告本局辦理市場攤商計量器具檢查之結果", "公告本年度公共場所消防安全檢查不合格場所名單",
                     "公告113年度勞動條件專案檢查結果"])
    p.gap(10).text("主旨：" + subj + "。", 34, "serif")
    p.text("依據：" + R.choice(["食品安全衛生管理法第52條", "水污染防治法第66條之1", "消防法第9條", "勞動基準法第80條之1"]) + "。", 30, "serif")
    p.text("公告事項：", 30, "serif")
    p.text("一、本次檢查共計%d家，合格%d家，不合格%d家，不合格業者名單如附表，已依法處分並限期改善。" % (R.randint(80, 300), R.randint(50, 200), R.randint(3, 20)), 30, "serif", indent=40)
    rows = [[str(i + 1), R.choice(SHOPS) + R.choice(["中山店", "站前店", "", "二店"]), R.choice(["標示不全", "環境衛生不良", "逃生通道堵塞", "超時工作"]), "限期改善"] for i in range(5)]
    p.table(["序號", "業者名稱", "不合格事項", "處理情形"], rows, [.6, 2, 2, 1.2], 27)
    p.text("二、民眾如發現違規情事，歡迎撥打1999市民當家熱線或本局專線%s檢舉。" % ag[2], 30, "serif", indent=40)
    p.gap(20).text("局長　" + name(), 40, "serifb", align="right")
    return dict(im=p.im, kind="page", doc="public notice of published inspection results", hard=True,
                note="hard: subject contains 稽查/檢查 but results are already published (公告); businesses not persons")


def a_official_letter():
    ag = agency()
    p = Page()
    p.title(ag[0] + "　函", 56, "serifb")
    off = name()
    pairs = [("地址：", ag[1]), ("承辦人：", off), ("電話：", ag[2] + " 分機" + ext())]
    if R.random() < .5:
        pairs.append(("電子信箱：", "%s%03d@mail.gov.tw" % (R.choice(["abc", "ep", "hr", "gov", "kt"]), R.randint(1, 999))))
    p.kv(pairs, 27, 170)
    p.gap(10).kv([("受文者：", R.choice(UNITS) + "、各區公所"), ("發文日期：", pdate()), ("發文字號：", docno(ag[3])),
                  ("速別：", "普通件"), ("密等及解密條件或保密期限：", ""), ("附件：", "無")], 28, 400)
    p.gap(10)
    p.text("主旨：" + R.choice(["檢送本局113年度內部控制稽核作業計畫（公開版）1份，請查照。",
                              "有關各機關公務群組轉傳個人資料之注意事項，請查照並轉知所屬。",
                              "函轉行政院修正「文書處理手冊」部分規定，請查照。",
                              "請各單位於期限內完成年度個人資料檔案清查作業，請查照。"]), 32, "serif")
    p.text("說明：", 32, "serif")
    for i, s in enumerate(["依據" + R.choice(["個人資料保護法第18條", "行政院113年%d月%d日函" % (R.randint(1, 12), R.randint(1, 28)), "政府資訊公開法第7條"]) + "辦理。",
                           "請各單位確實遵守相關規定，避免於即時通訊軟體傳送含個人資料或機密之文件。",
                           "如有疑義，請洽本局承辦人%s，電話%s分機%s。" % (off, ag[2], ext())]):
        p.text("一二三"[i] + "、" + s, 30, "serif", indent=40)
    p.gap(20).text("正本：本局各科室　副本：本局政風室", 26, "serif")
    p.gap(30).text(R.choice(["局長", "署長", "處長"]) + "　" + name(), 44, "serifb", align="right")
    return dict(im=p.im, kind="page", doc="official letter (函)", hard=True,
                note="hard: names 承辦人 with office line/email, empty 密等 field, mentions 個資/稽核")


def a_award_notice():
    ag = agency()
    p = Page()
    p.title("決標公告", 54)
    p.kv([("機關名稱：", ag[0]), ("機關地址：", ag[1]), ("聯絡人：", name() + "　" + ag[2]),
          ("標案案號：", "%s-113-%03d" % (ag[3], R.randint(1, 300))),
          ("標案名稱：", R.choice(["113年度辦公廳舍清潔勞務委外", "資訊機房設備汰換採購", "轄區道路路面改善工程", "公務車租賃案"])),
          ("招標方式：", "公開招標"), ("決標方式：", R.choice(["最低標", "最有利標"])),
          ("開標時間：", "113/%02d/%02d 10:00" % (R.randint(1, 12), R.randint(1, 28))),
          ("決標日期：", "113/%02d/%02d" % (R.randint(1, 12), R.randint(1, 28))),
          ("投標廠商家數：", str(R.randint(2, 6))), ("得標廠商：", R.choice(COMPANIES)),
          ("決標金額：", "%s元" % format(R.randint(800000, 50000000), ",")),
          ("底價金額：", "%s元" % format(R.randint(900000, 52000000), ",")),
          ("公告日：", "113/%02d/%02d" % (R.randint(1, 12), R.randint(1, 28)))], 29, 260)
    p.gap(20).text("資料來源：政府電子採購網（已公告）", 26, fill=(90, 90, 90))
    return dict(im=p.im, kind="page", doc="published award notice (決標公告)", hard=True,
                note="hard: mentions 底價, bidder count and winner but it is the published award notice")


def a_tender_notice():
    ag = agency()
    p = Page()
    p.title("招標公告", 54)
    p.kv([("機關名稱：", ag[0]), ("單位名稱：", R.choice(UNITS)), ("聯絡人：", name()), ("聯絡電話：", ag[2]),
          ("標案名稱：", R.choice(["113年度公務電腦採購", "市民活動中心整修工程", "環境教育宣導活動委託", "監視器系統維護"])),
          ("預算金額：", "%s元" % format(R.randint(1000000, 30000000), ",")), ("截止投標：", "113/%02d/%02d 17:00" % (R.randint(1, 12), R.randint(1, 28))),
          ("開標時間：", "113/%02d/%02d 10:00" % (R.randint(1, 12), R.randint(1, 28))),
          ("開標地點：", ag[1] + " %d樓開標室" % R.randint(2, 9)), ("是否訂有底價：", "是")], 30, 260)
    return dict(im=p.im, kind="page", doc="tender notice (招標公告)", hard=True,
                note="hard: procurement terms (開標/底價) but public tender announcement")


def a_personnel_order():
    ag = agency()
    p = Page()
    p.title(ag[0] + "　令", 54, "serifb")
    p.kv([("發文日期：", pdate()), ("發文字號：", docno(ag[3], "人字"))], 28, 200)
    rows = [[name(), R.choice(UNITS) + R.choice(TITLES[:3]), R.choice(UNITS) + R.choice(TITLES[:3]), "113年%d月%d日" % (R.randint(1, 12), R.randint(1, 28))] for _ in range(R.randint(3, 6))]
    p.gap(10).text("核派下列人員職務，自生效日起生效：", 32, "serif")
    p.table(["姓名", "原任職務", "新任職務", "生效日期"], rows, [1, 2, 2, 1.5], 28)
    p.text("（本令業經公布於本局全球資訊網人事公告專區）", 26, fill=(90, 90, 90))
    p.gap(30).text("局長　" + name(), 44, "serifb", align="right")
    return dict(im=p.im, kind="page", doc="published personnel order (人事令)", hard=True,
                note="hard: names and posts of officials, but order is issued and published")


# ----- specimens / examples
def id_front_img(nm, bd, sex, idn, issue, specimen=False):
    W, H = 1300, 820
    im = gradient(W, H, (226, 240, 228), (240, 226, 232), vertical=False)
    d = ImageDraw.Draw(im)
    for i in range(0, W, 26):  # guilloche-ish lines
        d.arc([i - 300, -200, i + 300, 400], 0, 180, fill=(205, 222, 210), width=1)
    d.text((60, 40), "中華民國國民身分證", font=font("serifb", 66), fill=(30, 60, 40))
    f, fb = font("sans", 44), font("sansb", 46)
    d.text((60, 180), "姓　　名", font=f, fill=(60, 60, 60))
    d.text((290, 170), nm, font=font("serifb", 64), fill=(10, 10, 10))
    d.text((60, 290), "出生年月日", font=f, fill=(60, 60, 60))
    d.text((320, 290), bd, font=fb, fill=(10, 10, 10))
    d.text((60, 380), "性　　別", font=f, fill=(60, 60, 60))
    d.text((290, 380), sex, font=fb, fill=(10, 10, 10))
    d.text((60, 470), "發證日期", font=f, fill=(60, 60, 60))
    d.text((290, 470), issue, font=fb, fill=(10, 10, 10))
    d.text((60, 640), "統一編號", font=f, fill=(60, 60, 60))
    d.text((300, 625), idn, font=font("sansb", 64), fill=(170, 20, 30))
    person_icon(im, (880, 160, 1220, 600))
    if specimen:
        d.text((900, 640), "樣本 SPECIMEN", font=font("sansb", 42), fill=(200, 0, 0))
        watermark(im, "樣 本", 260, (220, 20, 20, 110), 25)
    return im


def id_back_img(father, mother, spouse, birthplace, address, specimen=False):
    W, H = 1300, 820
    im = gradient(W, H, (236, 236, 222), (224, 236, 240))
    d = ImageDraw.Draw(im)
    f, fb = font("sans", 42), font("sansb", 44)
    rows = [("父", father), ("母", mother), ("配偶", spouse), ("役別", R.choice(["常備役", "替代役", "免役", ""])),
            ("出生地", birthplace)]
    y = 60
    for k, v in rows:
        d.text((60, y), k, font=f, fill=(70, 70, 70))
        d.text((260, y), v, font=fb, fill=(10, 10, 10))
        y += 80
    d.text((60, y + 10), "住址", font=f, fill=(70, 70, 70))
    for i, ln in enumerate(wrap(address, fb, 880)):
        d.text((260, y + 10 + i * 60), ln, font=fb, fill=(10, 10, 10))
    for i in range(60):  # barcode
        x = 120 + i * 17
        d.rectangle([x, 700, x + R.choice([3, 6, 9]), 780], fill=(20, 20, 20))
    d.text((1000, 700), "%010d" % R.randint(0, 10 ** 10 - 1), font=font("mono", 34), fill=(20, 20, 20))
    if specimen:
        watermark(im, "樣 本", 260, (220, 20, 20, 110), 25)
    return im


def a_specimen_id():
    front = R.random() < .7
    if front:
        im = id_front_img(R.choice(["王小明", "陳筱玲", "林大華"]), "民國七十年一月一日", R.choice(["男", "女"]), "A123456789",
                          "民國一○九年十月十二日 (北市) 換發", specimen=True)
    else:
        im = id_back_img("王大明", "李美麗", "", "臺北市", "臺北市中正區重慶南路一段122號", specimen=True)
    return dict(im=im, kind="card", doc="specimen national ID card (樣本)", hard=True,
                note="hard: specimen marked 樣本/SPECIMEN with the published specimen number A123456789")


def health_card_img(nm, idn, bd, cardno, specimen=False):
    W, H = 1300, 820
    im = gradient(W, H, (250, 250, 250), (215, 232, 245))
    d = ImageDraw.Draw(im)
    d.rectangle([0, 0, W, 130], fill=(0, 110, 170))
    d.text((50, 25), "全民健康保險　NHI", font=font("sansb", 64), fill=(255, 255, 255))
    person_icon(im, (60, 190, 400, 620))
    d.rounded_rectangle([470, 200, 640, 320], 15, fill=(212, 175, 55))  # chip
    d.text((700, 180), nm, font=font("sansb", 80), fill=(10, 10, 10))
    d.text((700, 320), idn, font=font("sansb", 58), fill=(10, 10, 10))
    d.text((700, 420), bd, font=font("sans", 52), fill=(10, 10, 10))
    d.text((480, 640), cardno, font=font("mono", 64), fill=(10, 10, 10))
    if specimen:
        d.text((880, 40), "樣本", font=font("sansb", 60), fill=(255, 60, 60))
        watermark(im, "SPECIMEN", 170, (220, 20, 20, 110), 20)
    return im


def a_specimen_health():
    im = health_card_img("王小明", "A123456789", "%03d/01/01" % 70, "0000 1234 5678", specimen=True)
    return dict(im=im, kind="card", doc="specimen NHI health card", hard=True,
                note="hard: specimen card marked 樣本/SPECIMEN, specimen ID")


def arc_img(en, nat, bd, ui, expiry, reason, specimen=False):
    W, H = 1300, 820
    im = gradient(W, H, (232, 238, 250), (246, 236, 220), vertical=False)
    d = ImageDraw.Draw(im)
    d.text((50, 30), "中華民國居留證", font=font("serifb", 60), fill=(20, 40, 90))
    d.text((50, 110), "Republic of China (Taiwan) Resident Certificate", font=font("sans", 34), fill=(20, 40, 90))
    rows = [("姓名 Name", en), ("國籍 Nationality", nat), ("出生日期 DOB", bd), ("居留期限 Expiry", expiry), ("居留事由 Purpose", reason)]
    y = 190
    for k, v in rows:
        d.text((420, y), k, font=font("sans", 30), fill=(80, 80, 80))
        d.text((420, y + 36), v, font=font("sansb", 44), fill=(10, 10, 10))
        y += 100
    d.text((50, 700), "統一證號 UI No.", font=font("sans", 34), fill=(80, 80, 80))
    d.text((370, 688), ui, font=font("sansb", 60), fill=(160, 20, 30))
    person_icon(im, (50, 200, 370, 630))
    if specimen:
        watermark(im, "樣本 SPECIMEN", 150, (220, 20, 20, 110), 20)
    return im


def a_specimen_arc():
    im = arc_img("NGUYEN, VAN A", "越南 VIETNAM", "1990/01/01", "A800000014", "2026/12/31", "依親 Family", specimen=True)
    return dict(im=im, kind="card", doc="specimen resident certificate (居留證樣本)", hard=True,
                note="hard: resident certificate marked 樣本 SPECIMEN, sample number")


def a_form_example():
    p = Page()
    p.stamp("填寫範例", (p.w - 360, 40), 52)
    p.title(R.choice(["戶籍謄本申請書", "低收入戶資格申請表", "國民身分證換補發申請書", "陳情（檢舉）書", "停車位租用申請表"]), 48)
    p.gap(20)
    rows = [["申請人姓名", "王小明"], ["國民身分證統一編號", "A123456789"], ["出生日期", "民國70年1月1日"],
            ["戶籍地址", "○○市○○區○○路○段○號"], ["聯絡電話", "0912-345-678（範例）"], ["申請事由", "範例：申請本人戶籍謄本一份"]]
    p.table(["欄位", "填寫內容（範例）"], rows, [1.4, 3], 30)
    p.text("※ 本表為填寫範例，所載資料均為虛構，請勿直接使用。", 30, fill=(200, 20, 20))
    p.text("※ 個人資料僅供本案使用，依個人資料保護法規定辦理。", 28)
    p.watermark("範例", 320, (220, 30, 30, 70), 30)
    return dict(im=p.im, kind="page", doc="form filled in as marked example (填寫範例)", hard=True,
                note="hard: fake sample data (王小明 / A123456789 / 0912-345-678) clearly marked 範例")


def a_blank_form():
    p = Page()
    ttl = R.choice(["民眾陳情案件登記表", "個人資料調閱申請單", "監視器影像調閱申請表", "出國（境）申請表", "公務車派車單", "請假單"])
    p.title(ttl, 50)
    p.text("編號：_________　　收件日期：____年____月____日", 28)
    p.gap(10)
    fields = {"民眾陳情案件登記表": ["陳情人姓名", "身分證統一編號", "聯絡電話", "通訊地址", "陳情內容", "承辦單位"],
              "個人資料調閱申請單": ["申請人（單位/職稱）", "調閱對象", "調閱目的", "法令依據", "核准主管", "政風室會辦"],
              "監視器影像調閱申請表": ["申請單位", "調閱時段", "調閱地點", "調閱事由", "保管方式", "核准"],
              "出國（境）申請表": ["姓名", "職稱", "出國期間", "前往國家", "事由", "職務代理人"],
              "公務車派車單": ["用車單位", "用車事由", "用車時間", "目的地", "車號", "駕駛"],
              "請假單": ["姓名", "假別", "請假期間", "事由", "職務代理人", "單位主管"]}[ttl]
    p.table(["項目", "內容"], [[f, ""] for f in fields], [1.3, 3], 30, rowh=110)
    p.text("填表說明：本表蒐集之個人資料，僅供本案處理之用，並依個人資料保護法規定保管。", 26)
    return dict(im=p.im, kind="page", doc="blank form", hard=True,
                note="hard: field labels 身分證統一編號/聯絡電話/地址 but no values")


def slide(w=1600, h=900, bg=None):
    bg = bg or R.choice([(255, 255, 255), (244, 248, 255), (30, 50, 90)])
    im = Image.new("RGB", (w, h), bg)
    d = ImageDraw.Draw(im)
    dark = sum(bg) < 300
    fg = (245, 245, 245) if dark else (25, 25, 25)
    acc = R.choice([(0, 100, 180), (190, 40, 40), (20, 130, 90)])
    d.rectangle([0, 0, w, 18], fill=acc)
    return im, d, fg, acc


def slide_text(d, lines, fg, title, acc, w=1600, size=46):
    d.text((70, 60), title, font=font("sansb", 64), fill=acc if fg[0] < 100 else (250, 220, 120))
    y = 190
    for ln in lines:
        for l2 in wrap("• " + ln, font("sans", size), w - 160):
            d.text((80, y), l2, font=font("sans", size), fill=fg)
            y += int(size * 1.45)
        y += 10
    d.text((w - 180, 840), "%d / %d" % (R.randint(2, 20), R.randint(21, 40)), font=font("sans", 28), fill=fg)


def a_training_slide():
    im, d, fg, acc = slide()
    topic = R.choice([
        ("拘票與搜索票之保密", ["拘票、搜索票屬偵查中文書，不得拍照轉傳至通訊群組", "洩漏者可能觸犯刑法第132條洩漏國防以外秘密罪",
                        "執行完畢後應依規定歸檔，不得私自留存影本", "範例說明：拘票應記載被告姓名、案由、應到處所"]),
        ("個資法重點：公務機關", ["個資法第15條：公務機關蒐集處理個資應有特定目的", "第16條：利用應於執行法定職務必要範圍內",
                          "身分證統一編號、病歷、犯罪前科均屬個人資料", "違法利用可能依第41條處5年以下有期徒刑"]),
        ("檢舉人身分保密", ["行政程序法第170條、陳情要點第18點", "檢舉人姓名、電話、住址不得透露給被檢舉人", "內部公文應以代號稱呼檢舉人"]),
        ("採購保密事項", ["政府採購法第34條：開標前不得洩漏底價", "領標、投標廠商家數與名稱應保密", "評選委員名單於評選完成前不得公開"]),
        ("考績作業保密", ["考績法第20條：考績評擬過程應嚴守秘密", "考績委員會會議紀錄於核定發布前不得公開", "違者依法懲處"]),
    ])
    slide_text(d, topic[1], fg, topic[0], acc)
    return dict(im=im, kind="page", doc="training slide on confidentiality rules", hard=True,
                note="hard: talks about 拘票/搜索票/底價/檢舉人/個資 rules without any actual case data")


def a_quiz_slide():
    im, d, fg, acc = slide()
    q = R.choice([("下列何者屬於個人資料？", ["(A) 機關總機號碼", "(B) 民眾身分證統一編號", "(C) 公告的決標金額", "(D) 1999 市民熱線"], "B"),
                  ("開標前可以告訴廠商投標家數嗎？", ["(A) 可以", "(B) 不可以，依採購法第34條應保密", "(C) 主管同意即可", "(D) 電話告知即可"], "B"),
                  ("收到含民眾個資的照片該怎麼做？", ["(A) 轉傳給同事", "(B) 上傳雲端", "(C) 不轉傳並通報政風室", "(D) 貼到群組"], "C")])
    slide_text(d, q[1], fg, "隨堂測驗：" + q[0], acc)
    d.text((1200, 780), "答案：%s" % q[2], font=font("sansb", 40), fill=acc)
    return dict(im=im, kind="page", doc="quiz slide", hard=True, note="hard: quiz about personal data / procurement secrecy rules")


def a_whistle_poster():
    im = gradient(1200, 1700, (255, 248, 225), (255, 225, 200))
    d = ImageDraw.Draw(im)
    ag = agency()
    d.text((80, 100), "廉政檢舉管道", font=font("sansb", 110), fill=(170, 30, 30))
    y = 320
    for ln in ["%s政風室" % ag[0], "檢舉專線：%s 分機%s" % (ag[2], ext()), "法務部廉政署 0800-286-586", "（0800-你爆料-我爆料）",
               "檢舉信箱：臺北郵政14-153號信箱", "電子信箱：ethics@mail.gov.tw", "我們會對檢舉人身分絕對保密！", "檢舉獎金最高新臺幣1,000萬元"]:
        for l2 in wrap(ln, font("sansb", 58), 1040):
            d.text((80, y), l2, font=font("sansb", 58), fill=(40, 30, 30))
            y += 95
    return dict(im=im, kind="page", doc="poster on whistleblowing channels", hard=True,
                note="hard: 檢舉 poster with phone lines and email of the ethics office")


# ----- everyday stuff
def a_menu():
    im = Image.new("RGB", (1200, 1650), R.choice([(255, 250, 235), (250, 240, 220), (255, 255, 255)]))
    d = ImageDraw.Draw(im)
    shop = R.choice(SHOPS)
    d.text((80, 60), shop, font=font("sansb", 96), fill=(160, 30, 20))
    d.text((80, 190), "外送專線：%s　%s" % (mobile(), R.choice(["(02)2", "(04)2", "(07)3"]) + "%03d-%04d" % (R.randint(0, 999), R.randint(0, 9999))), font=font("sans", 40), fill=(40, 40, 40))
    d.text((80, 250), "地址：" + addr(False), font=font("sans", 36), fill=(40, 40, 40))
    items = ["招牌便當", "排骨飯", "雞腿飯", "魚排飯", "滷肉飯", "肉羹麵", "餛飩湯", "燙青菜", "滷蛋", "紅茶", "豆漿", "炒飯", "水餃(10顆)", "牛肉麵"]
    y = 350
    for it in R.sample(items, 11):
        d.text((120, y), it, font=font("sans", 54), fill=(20, 20, 20))
        d.text((900, y), "$%d" % R.choice([15, 20, 30, 35, 60, 80, 90, 100, 120, 150]), font=font("sansb", 54), fill=(160, 30, 20))
        y += 100
    d.text((80, 1500), "滿%d元外送　週日公休　LINE訂餐：@%s" % (R.choice([300, 500]), R.choice(["abc123", "bento88", "fooddd"])), font=font("sans", 38), fill=(60, 60, 60))
    return dict(im=im, kind="page", doc="shop menu with shop mobile number", hard=True,
                note="hard: business mobile/landline number and shop address printed on menu")


def a_flyer():
    im = gradient(1200, 1600, (255, 240, 150), (255, 190, 120))
    d = ImageDraw.Draw(im)
    d.text((70, 80), R.choice(["冷氣清洗 特價中", "專業水電維修", "搬家公司 優惠", "駕訓班 暑期招生", "二手家具回收"]), font=font("sansb", 92), fill=(180, 20, 20))
    y = 260
    for ln in ["24小時服務 價格透明", "免費到府估價", "服務專線：" + mobile(), "聯絡人：%s先生" % R.choice(SURN), "LINE ID：%s%d" % (R.choice(["aircon", "fixit", "move"]), R.randint(10, 999)),
               "統一編號：%08d" % R.randint(0, 99999999), "地址：" + addr(False)]:
        for l2 in wrap(ln, font("sansb", 60), 1060):
            d.text((70, y), l2, font=font("sansb", 60), fill=(30, 30, 30))
            y += 100
    return dict(im=im, kind="page", doc="shop advertising flyer", hard=True,
                note="hard: business mobile number, 統一編號 and surname of a contact on a public flyer")


def a_calendar():
    im = Image.new("RGB", (1400, 1200), (255, 255, 255))
    d = ImageDraw.Draw(im)
    m = R.randint(1, 12)
    d.text((60, 40), "2024年 %d月  民國113年" % m, font=font("sansb", 64), fill=(30, 30, 30))
    cw, ch = 180, 150
    for i, wd in enumerate("日一二三四五六"):
        d.text((80 + i * cw + 60, 160), wd, font=font("sansb", 44), fill=(200, 30, 30) if i in (0, 6) else (30, 30, 30))
    start = R.randint(0, 6)
    for day in range(1, R.choice([29, 30, 31]) + 1):
        k = start + day - 1
        x, y = 80 + (k % 7) * cw, 230 + (k // 7) * ch
        d.rectangle([x, y, x + cw, y + ch], outline=(200, 200, 200), width=2)
        d.text((x + 14, y + 8), str(day), font=font("sans", 48), fill=(200, 30, 30) if k % 7 in (0, 6) else (20, 20, 20))
        if R.random() < .15:
            d.text((x + 14, y + 80), R.choice(["科務會議", "教育訓練", "補班", "國定假日", "稽核", "發薪日"]), font=font("sans", 26), fill=(20, 90, 170))
    return dict(im=im, kind="page", doc="monthly calendar", hard=True, note="hard: grids of digits")


def a_timetable():
    p = Page(1400, 1500)
    p.title(R.choice(["公車時刻表", "臺鐵區間車時刻表", "交通車時刻表"]) + "　" + R.choice(["市府→捷運站", "臺北→桃園", "本局→第二辦公室"]), 46)
    rows = []
    t = 6 * 60 + R.randint(0, 30)
    for _ in range(16):
        rows.append(["%d%03d" % (R.randint(1, 3), R.randint(100, 999)), "%02d:%02d" % (t // 60, t % 60), "%02d:%02d" % ((t + 37) // 60, (t + 37) % 60), R.choice(["每日", "平日", "假日"])])
        t += R.choice([12, 15, 20, 30])
    p.table(["車次", "發車", "抵達", "行駛日"], rows, [1, 1, 1, 1], 30)
    return dict(im=p.im, kind="page", doc="bus/train timetable", hard=True, note="hard: dense grid of digits and times")


def a_ticket():
    im = Image.new("RGB", (1500, 700), R.choice([(250, 245, 230), (240, 248, 255)]))
    d = ImageDraw.Draw(im)
    kind = R.choice(["高鐵", "臺鐵", "電影"])
    if kind == "電影":
        d.text((60, 40), R.choice(["威秀影城", "國賓影城", "秀泰影城"]), font=font("sansb", 64), fill=(20, 20, 20))
        d.text((60, 150), "影片：" + R.choice(["沙丘：第二部", "腦筋急轉彎2", "周處除三害"]), font=font("sans", 52), fill=(20, 20, 20))
        d.text((60, 240), "2024/%02d/%02d  %02d:%02d  第%d廳  %s排%d號" % (R.randint(1, 12), R.randint(1, 28), R.randint(10, 22), R.choice([0, 15, 30]), R.randint(1, 12), R.choice("ABCDEFGH"), R.randint(1, 20)), font=font("sansb", 48), fill=(20, 20, 20))
        d.text((60, 340), "全票 NT$%d　交易序號 %012d" % (R.choice([300, 320, 350]), R.randint(0, 10 ** 12)), font=font("sans", 44), fill=(20, 20, 20))
    else:
        d.text((60, 40), "台灣高鐵 THSR" if kind == "高鐵" else "臺灣鐵路 TR", font=font("sansb", 60), fill=(200, 80, 0))
        a, b = R.sample(["臺北", "板橋", "桃園", "新竹", "臺中", "嘉義", "臺南", "左營"], 2)
        d.text((60, 150), "%s  →  %s" % (a, b), font=font("sansb", 90), fill=(20, 20, 20))
        d.text((60, 290), "2024/%02d/%02d  車次 %d  %02d:%02d 開" % (R.randint(1, 12), R.randint(1, 28), R.randint(100, 1500), R.randint(6, 22), R.choice([0, 15, 30, 45])), font=font("sans", 50), fill=(20, 20, 20))
        d.text((60, 380), "%d車 %d%s  全票 NT$%d" % (R.randint(1, 12), R.randint(1, 18), R.choice("ABCDE"), R.randint(100, 1500)), font=font("sans", 50), fill=(20, 20, 20))
        d.text((60, 470), "%02d-%d-%02d-%d-%03d-%04d" % (R.randint(0, 99), R.randint(0, 9), R.randint(0, 99), R.randint(0, 9), R.randint(0, 999), R.randint(0, 9999)), font=font("mono", 40), fill=(60, 60, 60))
    for i in range(40):
        d.rectangle([1100 + (i % 10) * 30, 200 + (i // 10) * 30, 1100 + (i % 10) * 30 + 24, 200 + (i // 10) * 30 + 24], fill=(20, 20, 20) if R.random() < .5 else (250, 250, 250))
    return dict(im=im, kind="card", doc="%s ticket" % {"高鐵": "THSR", "臺鐵": "train", "電影": "movie"}[kind], hard=True,
                note="hard: long serial numbers / dates on a ticket, no personal data")


def a_receipt():
    im = Image.new("RGB", (760, 1700), (252, 252, 250))
    d = ImageDraw.Draw(im)
    f = font("sans", 36)
    d.text((60, 40), R.choice(["7-ELEVEN", "全家便利商店", "全聯福利中心", "家樂福"]), font=font("sansb", 60), fill=(20, 20, 20))
    d.text((60, 130), "電子發票證明聯", font=font("sansb", 52), fill=(20, 20, 20))
    d.text((60, 210), "113年%02d-%02d月" % (R.choice([1, 3, 5, 7, 9, 11]), R.choice([2, 4, 6, 8, 10, 12])), font=font("sansb", 52), fill=(20, 20, 20))
    d.text((60, 290), "%s-%08d" % ("".join(R.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(2)), R.randint(0, 99999999)), font=font("sansb", 60), fill=(20, 20, 20))
    y = 380
    for ln in ["2024-%02d-%02d %02d:%02d:%02d" % (R.randint(1, 12), R.randint(1, 28), R.randint(0, 23), R.randint(0, 59), R.randint(0, 59)),
               "隨機碼 %04d   總計 %d" % (R.randint(0, 9999), R.randint(30, 900)), "賣方 %08d" % R.randint(0, 99999999)]:
        d.text((60, y), ln, font=f, fill=(20, 20, 20))
        y += 60
    for i in range(50):
        d.rectangle([60 + i * 12, y + 20, 60 + i * 12 + R.choice([2, 4, 6]), y + 110], fill=(20, 20, 20))
    y += 150
    for _ in range(R.randint(4, 8)):
        d.text((60, y), R.choice(["御飯糰", "鮮乳", "咖啡拿鐵", "衛生紙", "礦泉水", "便當", "茶葉蛋", "影印費"]), font=f, fill=(20, 20, 20))
        d.text((540, y), "%d TX" % R.randint(10, 200), font=f, fill=(20, 20, 20))
        y += 58
    d.text((60, y + 20), "統一編號：%08d (機關)" % R.randint(0, 99999999), font=f, fill=(20, 20, 20))
    return dict(im=im, kind="page", doc="e-invoice receipt", hard=True, note="hard: invoice number, 統一編號 of the agency, digits")


def a_parking():
    im = Image.new("RGB", (900, 1300), (255, 255, 240))
    d = ImageDraw.Draw(im)
    d.text((60, 50), R.choice(["臺北市停車管理工程處", "新北市交通局"]) + "\n路邊停車繳費通知單", font=font("sansb", 50), fill=(20, 20, 20))
    plate = "%s-%04d" % ("".join(R.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3)), R.randint(1, 9999))
    y = 260
    for ln in ["繳費單號：%014d" % R.randint(0, 10 ** 14), "車號：" + plate, "日期：113/%02d/%02d" % (R.randint(1, 12), R.randint(1, 28)),
               "時段：%02d:%02d" % (R.randint(8, 20), R.choice([0, 30])), "停車格：%s路 %03d" % (R.choice(ROADS)[:-1], R.randint(1, 300)),
               "應繳金額：%d元" % R.choice([20, 30, 40, 60]), "繳費期限：15日內", "可至超商、悠遊付繳費"]:
        d.text((60, y), ln, font=font("sans", 46), fill=(20, 20, 20))
        y += 90
    return dict(im=im, kind="card", doc="roadside parking slip", hard=True,
                note="hard: shows a licence plate with no owner data (parking slip of an agency/own car)")


def a_chart():
    im = Image.new("RGB", (1600, 1000), (255, 255, 255))
    d = ImageDraw.Draw(im)
    d.text((60, 30), R.choice(["113年度各月陳情案件數", "各科室預算執行率(%)", "空氣品質AQI月平均", "1999來電量統計"]), font=font("sansb", 54), fill=(20, 20, 20))
    n = R.randint(6, 12)
    vals = [R.randint(20, 100) for _ in range(n)]
    bw = 1300 // n
    for i, v in enumerate(vals):
        x = 180 + i * bw
        d.rectangle([x, 880 - v * 7, x + bw * .6, 880], fill=R.choice([(70, 130, 200), (230, 120, 50)]))
        d.text((x, 880 - v * 7 - 44), str(v), font=font("sans", 32), fill=(20, 20, 20))
        d.text((x, 895), "%d月" % (i + 1), font=font("sans", 32), fill=(20, 20, 20))
    d.line([(170, 880), (1560, 880)], fill=(0, 0, 0), width=3)
    return dict(im=im, kind="page", doc="bar chart", hard=False, note="ordinary chart")


def a_budget():
    p = Page(1600, 1200, margin=60)
    p.title("113年度 %s 預算執行明細表（單位：千元）" % R.choice(UNITS), 40)
    rows = []
    for it in R.sample(["人事費", "業務費", "設備及投資", "獎補助費", "資訊服務費", "物品", "一般事務費", "房屋建築養護費", "車輛養護費", "國內旅費", "教育訓練費"], 9):
        b = R.randint(500, 90000)
        u = int(b * R.uniform(.3, 1))
        rows.append([it, format(b, ","), format(u, ","), "%.1f%%" % (u / b * 100), format(b - u, ",")])
    p.table(["科目", "預算數", "實支數", "執行率", "賸餘"], rows, [1.6, 1, 1, 1, 1], 30)
    return dict(im=p.im, kind="desktop", doc="budget spreadsheet", hard=True, note="hard: many numbers that could look like account numbers")


def a_chat_rules():
    msgs = R.choice([
        [("科長", "提醒大家，民眾的身分證影本不要拍照傳到群組喔"), ("我", "收到"), ("小美", "那如果要確認資料怎麼辦？"),
         ("科長", "請用公務系統查詢，不要截圖外傳，政風室有宣導過"), ("阿明", "了解👍")],
        [("政風室", "各位同仁：拘票、搜索票等偵查文件一律不得轉傳，違者依刑法第132條處理"), ("我", "好的，收到"), ("組長", "大家配合一下")],
        [("小王", "明天9:30在3樓第2會議室開會，記得帶筆電"), ("我", "OK"), ("文書", "會議資料會後請收回，不要外流"), ("小王", "有問題打分機2231找我")],
        [("秘書", "1999轉來的案件請在3天內回覆"), ("我", "了解，我來處理"), ("秘書", "民眾電話不要貼在群組，直接在系統裡看就好")],
        [("主任", "開標前廠商家數、底價都不能講，廠商打來問一律說依規定不能透露"), ("我", "好的"), ("小陳", "收到，之前有案例被移送")],
    ])
    im = line_chat(R.choice(["稽查科工作群", "環保局第三科", "政風聯繫群組", "秘書室"]), msgs)
    return dict(im=im, kind="phone", doc="LINE chat discussing confidentiality rules", hard=True,
                note="hard: mentions 身分證/拘票/底價/電話 as rules, no actual data")


def a_event_poster():
    im = gradient(1200, 1700, R.choice([(40, 90, 160), (200, 80, 60), (30, 130, 100)]), (250, 250, 250))
    d = ImageDraw.Draw(im)
    d.text((70, 100), R.choice(["2024 市民健康路跑", "親子環保嘉年華", "中秋社區聯歡晚會", "反詐騙宣導音樂會", "捐血活動"]), font=font("sansb", 86), fill=(255, 255, 255))
    y = 400
    for ln in ["日期：113年%d月%d日（%s）" % (R.randint(1, 12), R.randint(1, 28), R.choice("六日")), "地點：" + R.choice(["市府廣場", "大安森林公園", "區公所前廣場"]),
               "活動洽詢：%s" % agency()[2], "或撥打 1999 市民熱線", "主辦：" + agency()[0]]:
        for l2 in wrap(ln, font("sansb", 60), 1060):
            d.text((70, y), l2, font=font("sansb", 60), fill=(20, 20, 20))
            y += 100
    return dict(im=im, kind="page", doc="event poster", hard=False, note="ordinary event poster")


def a_weather():
    im, d = phone_canvas(bg=(70, 130, 200), dark_status=True)
    d.text((80, 200), R.choice(["臺北市", "新北市", "臺中市", "高雄市"]), font=font("sansb", 70), fill=(255, 255, 255))
    d.text((80, 300), "%d°" % R.randint(15, 35), font=font("sans", 220), fill=(255, 255, 255))
    d.text((80, 600), R.choice(["多雲時晴", "午後雷陣雨", "晴", "陰短暫雨"]) + "  降雨機率 %d%%" % R.randint(0, 90), font=font("sans", 54), fill=(255, 255, 255))
    y = 800
    for i in range(7):
        d.text((80, y), "週" + "一二三四五六日"[i], font=font("sans", 52), fill=(255, 255, 255))
        d.text((500, y), "%d° / %d°" % (R.randint(15, 24), R.randint(25, 35)), font=font("sans", 52), fill=(255, 255, 255))
        y += 110
    return dict(im=im, kind="phone", doc="weather app screenshot", hard=False, note="ordinary screenshot")


def a_map():
    im = Image.new("RGB", (1600, 1200), (236, 233, 224))
    d = ImageDraw.Draw(im)
    for i in range(8):
        x = R.randint(0, 1600)
        d.line([(x, 0), (x + R.randint(-300, 300), 1200)], fill=(255, 255, 255), width=R.choice([18, 30]))
        y = R.randint(0, 1200)
        d.line([(0, y), (1600, y + R.randint(-200, 200))], fill=(255, 240, 180), width=R.choice([18, 30]))
    d.rectangle([500, 400, 800, 650], fill=(200, 230, 200))
    for _ in range(6):
        x, y = R.randint(100, 1400), R.randint(100, 1050)
        d.text((x, y), R.choice(ROADS), font=font("sans", 36), fill=(60, 60, 60))
    d.ellipse([780, 520, 830, 570], fill=(220, 40, 40))
    d.rounded_rectangle([840, 480, 1500, 620], 16, fill=(255, 255, 255))
    ag = agency()
    d.text((860, 490), ag[0], font=font("sansb", 40), fill=(20, 20, 20))
    d.text((860, 550), ag[1][:16], font=font("sans", 34), fill=(60, 60, 60))
    return dict(im=im, kind="desktop", doc="map to agency office", hard=True, note="hard: agency address on a map")


def a_whiteboard():
    im = Image.new("RGB", (1800, 1200), (90, 80, 70))
    d = ImageDraw.Draw(im)
    d.rectangle([80, 60, 1720, 1140], fill=(245, 247, 247))
    y = 110
    d.text((140, y), R.choice(["本週行程", "6月工作進度", "會議室預約"]), font=font("wqy", 80), fill=(30, 60, 160))
    y += 130
    for _ in range(7):
        d.text((150, y), "%s %d:%02d %s" % ("週" + R.choice("一二三四五"), R.randint(8, 17), R.choice([0, 30]), R.choice(["科務會議", "教育訓練", "廠商簡報", "預算審查", "公文清理", "月報繳交", "資安演練"])),
               font=font("wqy", 64), fill=R.choice([(20, 20, 20), (180, 30, 30), (30, 60, 160)]))
        y += 115
    return dict(im=im, kind="scene", doc="whiteboard with schedule", hard=False, note="ordinary whiteboard photo")


def a_equipment():
    im = desk_bg(1800, 1300)
    d = ImageDraw.Draw(im)
    d.rounded_rectangle([150, 150, 1650, 1150], 40, fill=(60, 62, 66))
    d.rectangle([420, 380, 1380, 900], fill=(235, 235, 230))
    y = 410
    for ln in ["財產標籤　" + agency()[0], "財產編號：%d-%02d %06d" % (R.randint(3000000, 5999999), R.randint(1, 99), R.randint(1, 999999)),
               "名稱：" + R.choice(["多功能事務機", "伺服器", "筆記型電腦", "投影機", "UPS不斷電系統"]), "型號：%s-%d" % (R.choice(["XR", "MP", "PX", "DL"]), R.randint(100, 9999)),
               "S/N：%s%08d" % (R.choice(["CN", "TW", "JP"]), R.randint(0, 99999999)), "保管單位：" + R.choice(UNITS)]:
        d.text((450, y), ln, font=font("sansb", 46), fill=(20, 20, 20))
        y += 78
    return dict(im=im, kind="scene", doc="equipment property label with serial number", hard=True,
                note="hard: serial/property numbers resemble identifiers")


def a_agency_car():
    im = gradient(1800, 1200, (170, 200, 230), (120, 120, 120))
    d = ImageDraw.Draw(im)
    col = R.choice([(240, 240, 240), (30, 30, 30), (180, 180, 185)])
    d.rounded_rectangle([200, 450, 1600, 900], 80, fill=col)
    d.rounded_rectangle([420, 280, 1300, 500], 60, fill=col)
    d.rectangle([480, 310, 850, 460], fill=(100, 140, 170))
    d.rectangle([880, 310, 1240, 460], fill=(100, 140, 170))
    for x in (450, 1350):
        d.ellipse([x - 120, 800, x + 120, 1040], fill=(20, 20, 20))
    ag = agency()
    txt = (0, 0, 0) if col[0] > 150 else (250, 250, 250)
    d.text((520, 560), ag[0], font=font("sansb", 62), fill=txt)
    d.text((620, 650), R.choice(["稽查車", "公務車", "環境稽查", "消防指揮車"]), font=font("sansb", 62), fill=(200, 30, 30))
    plate = "%s-%04d" % ("".join(R.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3)), R.randint(1, 9999))
    d.rectangle([750, 760, 1050, 850], fill=(255, 255, 255), outline=(0, 0, 0), width=4)
    d.text((770, 765), plate, font=font("sansb", 60), fill=(0, 0, 0))
    return dict(im=im, kind="scene", doc="photo of agency vehicle", hard=True,
                note="hard: licence plate of an agency car, no owner data")


def a_maint_notice():
    kind = R.choice(["phone", "desktop"])
    sysn = R.choice(["戶役政資訊系統", "警政知識聯網", "入出國查驗系統", "公文線上簽核系統", "人事服務網 eCPA"])
    lines = ["【系統維護公告】", "%s 將於113年%d月%d日（星期%s）22:00至翌日06:00進行系統維護，" % (sysn, R.randint(1, 12), R.randint(1, 28), R.choice("五六")),
             "維護期間暫停個人資料查詢、異動登記等服務，造成不便敬請見諒。", "如有緊急查詢需求，請洽系統管理單位：" + agency()[2],
             "提醒：查詢民眾個資應依法定職務需要，並留存查詢紀錄。"]
    if kind == "phone":
        im, d = phone_canvas()
        d.rectangle([0, 80, PHONE_W, 220], fill=(0, 90, 160))
        d.text((40, 115), sysn, font=font("sansb", 52), fill=(255, 255, 255))
        y = 300
        for ln in lines:
            for l2 in wrap(ln, font("sans", 46), PHONE_W - 100):
                d.text((50, y), l2, font=font("sans", 46), fill=(20, 20, 20))
                y += 72
            y += 24
    else:
        im, d = desktop_window(sysn, "https://%s.gov.tw/notice" % R.choice(["ris", "cpa", "nia", "eoffice"]))
        d.rectangle([0, 120, 1920, 210], fill=(0, 90, 160))
        d.text((40, 140), sysn, font=font("sansb", 48), fill=(255, 255, 255))
        y = 260
        for ln in lines:
            d.text((80, y), ln, font=font("sans", 38), fill=(20, 20, 20))
            y += 80
    return dict(im=im, kind=kind, doc="system maintenance notice screenshot", hard=True,
                note="hard: names a personal-data query system (戶役政) but only a maintenance notice")


def a_masked_winners():
    p = Page()
    p.title(R.choice(["113年度市民滿意度調查 抽獎得獎名單", "反詐騙有獎徵答 中獎名單", "節能家電補助 核定名單（公告）"]), 44)
    p.text("依個人資料保護法規定，姓名、證號及電話均已遮蔽。", 28, fill=(170, 30, 30))
    rows = []
    for i in range(14):
        n = name()
        idn = twid()
        rows.append([str(i + 1), n[0] + "○" + n[2], idn[:3] + "****" + idn[-3:], "09**-***-%03d" % R.randint(0, 999)])
    p.table(["序號", "姓名", "身分證號", "電話"], rows, [.6, 1.2, 1.6, 1.6], 29)
    return dict(im=p.im, kind="page", doc="masked winners list (published)", hard=True,
                note="hard: names, ID numbers and phones all masked (王○明, A12****789)")


def a_lunch_order():
    p = Page(1400, 1600, margin=70)
    p.title("%s 午餐訂購統計 %d/%d" % (R.choice(UNITS), R.randint(1, 12), R.randint(1, 28)), 44)
    rows = [[name(), R.choice(["排骨飯", "雞腿飯", "素食", "牛肉麵", "滷肉飯"]), str(R.choice([80, 90, 100, 120])), R.choice(["已付", "未付"])] for _ in range(12)]
    p.table(["姓名", "品項", "金額", "付款"], rows, [1.2, 1.6, .8, .8], 30)
    p.text("店家電話：%s（好味道便當）" % mobile(), 30)
    return dict(im=p.im, kind="desktop", doc="office lunch order sheet", hard=True,
                note="hard: colleague names and a shop mobile number")


ALLOW = [
    (a_meeting_notice, 12), (a_agenda, 8), (a_signin, 10), (a_roster, 10), (a_phonelist, 10), (a_public_notice, 12),
    (a_official_letter, 14), (a_award_notice, 10), (a_tender_notice, 6), (a_personnel_order, 9), (a_specimen_id, 12),
    (a_specimen_health, 7), (a_specimen_arc, 6), (a_form_example, 12), (a_blank_form, 10), (a_training_slide, 12),
    (a_quiz_slide, 7), (a_whistle_poster, 8), (a_menu, 10), (a_flyer, 8), (a_calendar, 8), (a_timetable, 8),
    (a_ticket, 10), (a_receipt, 10), (a_parking, 7), (a_chart, 8), (a_budget, 9), (a_chat_rules, 14),
    (a_event_poster, 8), (a_weather, 6), (a_map, 6), (a_whiteboard, 8), (a_equipment, 8), (a_agency_car, 8),
    (a_maint_notice, 10), (a_masked_winners, 9), (a_lunch_order, 6),
]


# ================================================================ FLAG generators
# each returns dict(im, kind, doc, types, note[, style])
CN_NUM = "○一二三四五六七八九"


def cn_year(y):
    return "".join(CN_NUM[int(c)] for c in str(y))


def f_id_front():
    sex = R.choice([1, 2])
    nm = name()
    y, m, dd = roc_ymd()
    idn = twid(sex)
    im = id_front_img(nm, "民國%s年%s月%s日" % (cn_year(y), cn_year(m), cn_year(dd)) if R.random() < .5 else "民國%d年%d月%d日" % (y, m, dd),
                      "男" if sex == 1 else "女", idn, "民國%d年%d月%d日 (%s) 換發" % (R.randint(94, 112), R.randint(1, 12), R.randint(1, 28), R.choice(["北市", "新北市", "中市", "高市"])))
    return dict(im=im, kind="card", doc="national ID card front", types=["tw_national_id", "person_name", "birth_date"],
                note="real-looking ID (valid check digit %s), not a specimen" % idn)


def f_id_back():
    im = id_back_img(name(), name(), name() if R.random() < .6 else "", R.choice(list(CITIES)), addr())
    return dict(im=im, kind="card", doc="national ID card back", types=["address", "person_name"],
                note="back side: parents/spouse names and household address")


def f_health_card():
    y, m, dd = roc_ymd()
    im = health_card_img(name(), twid(), "%03d/%02d/%02d" % (y, m, dd), "0000 %04d %04d" % (R.randint(0, 9999), R.randint(0, 9999)))
    return dict(im=im, kind="card", doc="NHI health insurance card", types=["tw_national_id", "person_name", "birth_date"],
                note="health card with name, ID and birth date")


def f_arc():
    sur, giv = ename()
    nat = R.choice(["越南 VIETNAM", "印尼 INDONESIA", "菲律賓 PHILIPPINES", "泰國 THAILAND", "日本 JAPAN"])
    im = arc_img("%s, %s" % (sur, giv), nat, "%d/%02d/%02d" % (R.randint(1965, 2003), R.randint(1, 12), R.randint(1, 28)),
                 arc_id(), "%d/%02d/%02d" % (R.randint(2025, 2028), R.randint(1, 12), R.randint(1, 28)), R.choice(["工作 Employment", "依親 Family", "就學 Study"]))
    return dict(im=im, kind="card", doc="resident certificate (居留證)", types=["tw_resident_id", "person_name", "birth_date"],
                note="foreign resident certificate with UI number")


def f_driver():
    W, H = 1300, 820
    im = gradient(W, H, (240, 232, 245), (225, 240, 250), vertical=False)
    d = ImageDraw.Draw(im)
    d.text((50, 30), "中華民國汽車駕駛執照", font=font("serifb", 60), fill=(90, 30, 90))
    nm, idn = name(), twid()
    y, m, dd = roc_ymd()
    rows = [("姓名", nm), ("出生日期", "%d.%02d.%02d" % (y, m, dd)), ("駕照號碼", idn), ("駕照種類", R.choice(["普通小型車", "普通重型機車", "職業大貨車"])),
            ("有效日期", "不需換發"), ("住址", addr())]
    yy = 150
    for k, v in rows:
        d.text((420, yy), k, font=font("sans", 38), fill=(80, 80, 80))
        for i, l in enumerate(wrap(v, font("sansb", 44), 660)):
            d.text((620, yy + i * 56), l, font=font("sansb", 44), fill=(10, 10, 10))
        yy += 100 + 56 * (len(wrap(v, font("sansb", 44), 660)) - 1)
    person_icon(im, (50, 160, 380, 590))
    return dict(im=im, kind="card", doc="driver licence", types=["tw_national_id", "person_name", "address"],
                note="driver licence with ID number as licence number and address")


def mrz_check(s):
    vals = {**{str(i): i for i in range(10)}, **{chr(65 + i): 10 + i for i in range(26)}, "<": 0}
    return str(sum(vals[c] * [7, 3, 1][i % 3] for i, c in enumerate(s)) % 10)


def f_passport():
    W, H = 1500, 1000
    im = gradient(W, H, (240, 236, 246), (226, 240, 236))
    d = ImageDraw.Draw(im)
    sur, giv = ename()
    nm = name()
    pno = "%d%08d" % (R.randint(3, 3), R.randint(0, 99999999))
    yy, mm, dd = R.randint(1960, 2004), R.randint(1, 12), R.randint(1, 28)
    mon = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"][mm - 1]
    ey = R.randint(2025, 2034)
    sex = R.choice("MF")
    idn = twid(1 if sex == "M" else 2)
    d.text((60, 30), "中華民國 REPUBLIC OF CHINA (TAIWAN)   護照 PASSPORT", font=font("sansb", 46), fill=(40, 40, 90))
    person_icon(im, (60, 140, 440, 640))
    rows = [("型式/Type  國碼/Code  護照號碼/Passport No.", "P    TWN    " + pno), ("姓名/Name", "%s, %s  %s" % (sur, giv, nm)),
            ("國籍/Nationality", "REPUBLIC OF CHINA"), ("出生日期/Date of birth", "%02d %s %d" % (dd, mon, yy)),
            ("性別/Sex  出生地/Place of birth", "%s    TAIWAN" % sex), ("身分證統一編號/Personal Id. No.", idn),
            ("效期截止日期/Date of expiry", "%02d %s %d" % (dd, mon, ey))]
    y = 140
    for k, v in rows:
        d.text((490, y), k, font=font("sans", 26), fill=(90, 90, 90))
        d.text((490, y + 32), v, font=font("sansb", 40), fill=(10, 10, 10))
        y += 92
    l1 = ("P<TWN" + sur + "<<" + giv.replace("-", "<") + "<" * 44)[:44]
    dob = "%02d%02d%02d" % (yy % 100, mm, dd)
    exp = "%02d%02d%02d" % (ey % 100, mm, dd)
    pn = idn + "<" * (14 - len(idn))
    part = pno + mrz_check(pno) + "TWN" + dob + mrz_check(dob) + sex + exp + mrz_check(exp) + pn + mrz_check(pn)
    comp = pno + mrz_check(pno) + dob + mrz_check(dob) + exp + mrz_check(exp) + pn + mrz_check(pn)
    l2 = part + mrz_check(comp)
    d.rectangle([0, 800, W, H], fill=(250, 250, 245))
    d.text((50, 815), l1, font=font("mono", 50), fill=(10, 10, 10))
    d.text((50, 895), l2, font=font("mono", 50), fill=(10, 10, 10))
    return dict(im=im, kind="card", doc="passport data page with MRZ", types=["passport_number", "person_name", "birth_date"],
                note="passport bio page incl. MRZ and personal ID number")


def f_credit_card():
    W, H = 1300, 820
    im = gradient(W, H, R.choice([(20, 40, 90), (120, 20, 30), (30, 30, 30)]), (90, 110, 160), vertical=False)
    d = ImageDraw.Draw(im)
    d.text((60, 50), R.choice(["國泰世華銀行", "玉山銀行", "中國信託", "台新銀行"]), font=font("sansb", 60), fill=(255, 255, 255))
    d.rounded_rectangle([90, 260, 260, 380], 15, fill=(212, 175, 55))
    cc = luhn_card(R.choice(["4", "5", "35"]))
    d.text((80, 450), cc, font=font("mono", 84), fill=(245, 245, 245))
    d.text((80, 580), "VALID THRU %02d/%02d" % (R.randint(1, 12), R.randint(25, 30)), font=font("sans", 44), fill=(245, 245, 245))
    sur, giv = ename()
    d.text((80, 660), "%s %s" % (giv, sur), font=font("sansb", 54), fill=(245, 245, 245))
    d.text((1040, 660), "VISA" if cc[0] == "4" else "JCB", font=font("sansb", 70), fill=(255, 255, 255))
    return dict(im=im, kind="card", doc="credit card front", types=["credit_card", "person_name"], note="Luhn-valid card number with holder name")


def f_passbook():
    W, H = 1300, 900
    im = Image.new("RGB", (W, H), (245, 240, 228))
    d = ImageDraw.Draw(im)
    bank = R.choice(["臺灣銀行", "第一銀行", "合作金庫銀行", "中華郵政"])
    d.text((60, 50), bank + "　存摺", font=font("serifb", 70), fill=(20, 70, 50))
    acct = "%03d-%03d-%06d-%d" % (R.randint(0, 999), R.randint(0, 999), R.randint(0, 999999), R.randint(0, 9))
    for i, (k, v) in enumerate([("戶名", name()), ("帳號", acct), ("分行", R.choice(["城中分行", "板橋分行", "中壢分行", "左營分行"])), ("開戶日期", "113/%02d/%02d" % (R.randint(1, 12), R.randint(1, 28)))]):
        d.text((80, 220 + i * 120), k, font=font("sans", 52), fill=(80, 80, 80))
        d.text((340, 215 + i * 120), v, font=font("sansb", 62), fill=(10, 10, 10))
    return dict(im=im, kind="card", doc="bank passbook cover", types=["bank_account", "person_name"], note="passbook with holder name and account number")


def court_header(p, office, ttl):
    p.title(office, 44, "serifb")
    p.title(ttl, 64, "serifb")


def f_arrest_warrant():
    p = Page()
    court_header(p, R.choice(["臺灣臺北地方檢察署", "臺灣新北地方檢察署", "臺灣高雄地方檢察署", "臺灣臺中地方法院"]), "拘　票")
    nm, idn = name(), twid()
    p.kv([("案號：", "113年度偵字第%d號" % R.randint(1000, 39999)), ("被告姓名：", nm), ("性別：", R.choice(["男", "女"])),
          ("出生日期：", roc_date()), ("身分證統一編號：", idn), ("住居所：", addr()),
          ("案由：", R.choice(CRIMES)), ("拘提理由：", "經合法傳喚，無正當理由不到場"), ("應到處所：", "本署第%d偵查庭" % R.randint(1, 30)),
          ("執行人：", "司法警察（官）"), ("有效期間：", "113年%d月%d日前" % (R.randint(1, 12), R.randint(1, 28)))], 31, 290)
    p.gap(30).text("檢察官　" + name(), 40, "serifb", align="right")
    seal(p.d, p.w - 330, p.y + 10, "檢察官印", 46)
    return dict(im=p.im, kind="page", doc="arrest warrant (拘票)", types=["warrant", "person_name", "tw_national_id"],
                note="arrest warrant naming the defendant, with ID and address")


def f_search_warrant():
    p = Page()
    court_header(p, R.choice(["臺灣臺北地方法院", "臺灣桃園地方法院", "臺灣臺南地方法院"]), "搜　索　票")
    p.kv([("案號：", "113年聲搜字第%d號" % R.randint(100, 3000)), ("案由：", R.choice(CRIMES)),
          ("被告/犯罪嫌疑人：", name()), ("應搜索之處所：", addr() + "（含車號%s-%04d自用小客車）" % ("".join(R.choice("ABCDEFGHJKLMN") for _ in range(3)), R.randint(1, 9999))),
          ("應扣押之物：", "帳冊、手機、電腦、現金及與本案有關之物"), ("執行之期間：", "113年%d月%d日起至同月%d日止" % (R.randint(1, 12), R.randint(1, 10), R.randint(11, 28))),
          ("聲請人：", "臺北市政府警察局%s分局" % R.choice(["中正第一", "大安", "信義", "萬華"]))], 31, 300)
    p.gap(40).text("法官　" + name(), 40, "serifb", align="right")
    return dict(im=p.im, kind="page", doc="search warrant (搜索票)", types=["warrant", "address", "person_name"],
                note="search warrant with suspect and premises")


def f_query_screenshot():
    nm, idn = name(), twid()
    im, d = desktop_window("戶役政資訊系統", "https://ris.moi.gov.tw/query/person")
    d.rectangle([0, 120, 1920, 200], fill=(0, 70, 130))
    d.text((30, 135), "戶役政資訊系統 ─ 個人戶籍資料查詢", font=font("sansb", 42), fill=(255, 255, 255))
    d.text((1300, 140), "查詢人員：%s（%s）" % (name(), R.choice(UNITS)), font=font("sans", 30), fill=(255, 255, 255))
    y, m, dd = roc_ymd()
    rows = [("統一編號", idn), ("姓名", nm), ("出生日期", "%03d/%02d/%02d" % (y, m, dd)), ("性別", R.choice(["男", "女"])),
            ("戶籍地址", addr()), ("父姓名", name()), ("母姓名", name()), ("配偶", name()), ("遷入日期", "%03d/%02d/%02d" % (R.randint(90, 112), R.randint(1, 12), R.randint(1, 28)))]
    yy = 250
    for k, v in rows:
        d.rectangle([80, yy, 400, yy + 76], fill=(225, 232, 242), outline=(160, 170, 190))
        d.rectangle([400, yy, 1500, yy + 76], fill=(255, 255, 255), outline=(160, 170, 190))
        d.text((100, yy + 14), k, font=font("sansb", 38), fill=(20, 20, 20))
        d.text((420, yy + 14), v, font=font("sans", 38), fill=(20, 20, 20))
        yy += 76
    return dict(im=im, kind="desktop", doc="household registration query screenshot", types=["person_name", "tw_national_id", "address"],
                note="query result for a citizen: name, ID, address")


def f_household():
    p = Page(1754, 1240, margin=60)
    p.title("戶籍謄本（現戶全部）", 50, "serifb")
    p.text("戶籍地址：" + addr() + "　　戶長：" + name(), 30)
    rows = []
    sn = R.choice(SURN)
    for rel in ["戶長", "配偶", "長子", "長女", "母"][:R.randint(3, 5)]:
        y, m, dd = roc_ymd()
        rows.append([rel, sn + R.choice(GIV) + R.choice(GIV), "%d年%d月%d日" % (y, m, dd), twid(), R.choice(list(CITIES)), name()[0:1] + "○○" if False else name()])
    p.table(["稱謂", "姓名", "出生日期", "統一編號", "出生地", "父姓名"], rows, [.7, 1.1, 1.4, 1.3, 1, 1.1], 30)
    p.text("本謄本係依申請人申請核發　%s戶政事務所　主任 %s" % (R.choice(CITIES["臺北市"]), name()), 28)
    return dict(im=p.im, kind="page", doc="household register transcript (戶籍謄本)", types=["person_name", "tw_national_id", "address"],
                note="household members with IDs and birth dates")


def f_medical():
    p = Page(1754, 1240, margin=60)
    p.title(R.choice(["%s衛生所 個案追蹤管理名冊" % R.choice(["大安區", "板橋區", "三民區"]), "精神病人社區關懷訪視名單", "法定傳染病個案列管表"]), 46)
    rows = []
    for i in range(R.randint(7, 10)):
        rows.append([str(i + 1), name(), R.choice(["男", "女"]), str(R.randint(18, 90)), R.choice(DIAG), R.choice(["臺大醫院", "榮總", "馬偕醫院", "長庚醫院"]), mobile()])
    p.table(["編號", "姓名", "性別", "年齡", "診斷", "就醫院所", "電話"], rows, [.6, 1, .6, .6, 2, 1.3, 1.5], 28)
    return dict(im=p.im, kind="page", doc="case list with names and diagnoses", types=["health_info", "person_name", "phone_number"],
                note="patient list: names, diagnoses, phones")


def f_medical_record():
    p = Page()
    p.title(R.choice(["臺北榮民總醫院", "長庚紀念醫院", "馬偕紀念醫院"]) + "　門診病歷", 44)
    y, m, dd = roc_ymd()
    p.kv([("病歷號：", "%08d" % R.randint(0, 10 ** 8)), ("姓名：", name()), ("出生日期：", "%d/%02d/%02d" % (y + 1911, m, dd)),
          ("身分證號：", twid()), ("就診日期：", "2024/%02d/%02d" % (R.randint(1, 12), R.randint(1, 28))), ("科別：", R.choice(["精神科", "感染科", "腫瘤科", "身心科"])),
          ("診斷：", R.choice(DIAG) + "（ICD-10 %s%02d.%d）" % (R.choice("FCBE"), R.randint(10, 99), R.randint(0, 9))),
          ("處方：", R.choice(["Sertraline 50mg QD", "Metformin 500mg BID", "Lithium 300mg BID", "Dolutegravir 50mg QD"])), ("醫囑：", "兩週後回診，追蹤檢驗")], 31, 230)
    return dict(im=p.im, kind="page", doc="medical record page", types=["health_info", "person_name", "tw_national_id"],
                note="outpatient record with diagnosis")


def f_criminal():
    p = Page(1754, 1240, margin=60)
    p.title("刑案資料查註紀錄表", 50)
    p.text("查詢目的：%s　　查詢人：%s" % (R.choice(["案件偵辦", "身家調查"]), name()), 28)
    rows = []
    for _ in range(R.randint(4, 7)):
        rows.append([name(), twid(), "%d年" % R.randint(85, 112), R.choice(CRIMES), R.choice(["有期徒刑6月", "有期徒刑1年2月", "緩起訴", "罰金3萬元", "有期徒刑3年"])])
    p.table(["姓名", "身分證號", "年度", "罪名", "判決/處分"], rows, [1, 1.3, .7, 1.8, 1.5], 29)
    return dict(im=p.im, kind="page", doc="criminal record list", types=["criminal_record", "person_name", "tw_national_id"],
                note="criminal records of named people")


def f_travel():
    nm, idn = name(), twid()
    im, d = desktop_window("入出國查詢", "https://nia-internal/query/travel")
    d.rectangle([0, 120, 1920, 200], fill=(20, 90, 70))
    d.text((30, 135), "入出國及移民資料查詢 ─ 入出境紀錄", font=font("sansb", 42), fill=(255, 255, 255))
    d.text((80, 230), "查詢對象：%s　身分證號：%s　護照號碼：3%08d" % (nm, idn, R.randint(0, 99999999)), font=font("sansb", 36), fill=(20, 20, 20))
    yy = 320
    heads = ["日期", "入/出", "航班", "機場/港口", "目的地"]
    xs = [80, 380, 580, 860, 1240, 1600]
    for i, h in enumerate(heads):
        d.rectangle([xs[i], yy, xs[i + 1], yy + 64], fill=(225, 240, 232), outline=(150, 170, 160))
        d.text((xs[i] + 12, yy + 10), h, font=font("sansb", 34), fill=(20, 20, 20))
    for _ in range(R.randint(6, 9)):
        yy += 64
        row = ["2024/%02d/%02d" % (R.randint(1, 12), R.randint(1, 28)), R.choice(["出境", "入境"]), R.choice(["CI", "BR", "JX", "IT"]) + str(R.randint(100, 999)),
               R.choice(["桃園機場T1", "桃園機場T2", "松山機場", "高雄機場"]), R.choice(["東京", "大阪", "曼谷", "胡志明市", "上海", "首爾"])]
        for i, c in enumerate(row):
            d.rectangle([xs[i], yy, xs[i + 1], yy + 64], fill=(255, 255, 255), outline=(150, 170, 160))
            d.text((xs[i] + 12, yy + 10), c, font=font("sans", 34), fill=(20, 20, 20))
    return dict(im=im, kind="desktop", doc="travel (entry/exit) record printout", types=["travel_record", "person_name", "tw_national_id"],
                note="entry/exit records of a named person")


def secret_page(p, mark=None):
    mark = mark or R.choice(["密", "機密", "限閱", "密 件"])
    p.stamp(mark, (p.w - 280, 30), 60)
    p.y = max(p.y, 140)
    return mark


def f_bid_price():
    p = Page()
    mark = secret_page(p, R.choice(["密", "限閱"]))
    p.title("標價清單", 54)
    p.kv([("案號：", "%s-113-%03d" % (agency()[3], R.randint(1, 300))), ("案名：", R.choice(["辦公廳舍清潔勞務", "轄區道路路面改善工程", "資訊設備汰換"])),
          ("投標廠商：", R.choice(COMPANIES)), ("開標日期：", "113年%d月%d日（尚未開標）" % (R.randint(1, 12), R.randint(1, 28)))], 30, 220)
    rows = []
    tot = 0
    for it in R.sample(["人工費", "材料費", "機具費", "管理費", "利潤", "營業稅", "勞安費"], 6):
        v = R.randint(50000, 3000000)
        tot += v
        rows.append([it, "式", "1", format(v, ",")])
    rows.append(["總價", "", "", format(tot, ",")])
    p.table(["項目", "單位", "數量", "複價(元)"], rows, [2, .8, .8, 1.5], 30)
    return dict(im=p.im, kind="page", doc="bid price sheet marked %s" % mark, types=["procurement_secret", "classified_marking"],
                note="bidder's price sheet before opening, marked " + mark)


def f_bidders():
    p = Page()
    p.title("投標廠商名單（開標前）", 50)
    p.text("案名：%s　　截止投標：113/%02d/%02d" % (R.choice(["公務車租賃案", "監視器系統建置", "校舍耐震補強工程"]), R.randint(1, 12), R.randint(1, 28)), 30)
    p.text("※ 本名單於開標前應予保密，不得洩漏（政府採購法第34條）", 28, fill=(200, 20, 20))
    rows = [[str(i + 1), c, "113/%02d/%02d %02d:%02d" % (R.randint(1, 12), R.randint(1, 28), R.randint(9, 17), R.randint(0, 59)), R.choice(["親送", "郵寄"])] for i, c in enumerate(R.sample(COMPANIES, R.randint(3, 6)))]
    p.table(["序", "廠商名稱", "收件時間", "方式"], rows, [.5, 2.5, 1.6, .8], 29)
    return dict(im=p.im, kind="page", doc="list of bidders before tender opening", types=["procurement_secret"],
                note="bidder identities and count before opening")


def f_committee():
    p = Page()
    mark = secret_page(p, "密")
    p.title("評選委員會委員名單", 50)
    p.text("案名：%s（評選會議：113年%d月%d日）" % (R.choice(["智慧城市平台委託案", "環境教育活動委託", "社會住宅統包工程"]), R.randint(1, 12), R.randint(1, 28)), 30)
    rows = [[name(), R.choice(["外聘", "內聘"]), R.choice(["國立臺灣大學教授", "本局副局長", "建築師", "○○科技大學副教授", "本局主任秘書"]), mobile()] for _ in range(R.randint(5, 7))]
    p.table(["姓名", "類別", "現職", "手機"], rows, [1, .7, 2.3, 1.5], 29)
    p.text("※ 委員名單於評選完成前不得公開。", 28, fill=(200, 20, 20))
    return dict(im=p.im, kind="page", doc="evaluation committee member list (unpublished)", types=["procurement_secret", "person_name", "phone_number"],
                note="committee names + mobiles before evaluation")


def f_base_price():
    p = Page()
    secret_page(p, "密")
    p.title("底價核定表", 54)
    amt = R.randint(1000000, 60000000)
    p.kv([("案號：", "%s-113-%03d" % (agency()[3], R.randint(1, 300))), ("案名：", R.choice(["道路改善工程", "清潔勞務委外", "資訊設備採購"])),
          ("預算金額：", format(int(amt * 1.1), ",") + "元"), ("建議底價：", format(amt, ",") + "元"),
          ("核定底價：", "新臺幣 " + format(int(amt * .98), ",") + " 元整"), ("核定人：", "局長 " + name()),
          ("開標日期：", "113年%d月%d日" % (R.randint(1, 12), R.randint(1, 28)))], 32, 250)
    p.text("本表於開標前應密封保管，不得洩漏。", 30, fill=(200, 20, 20))
    return dict(im=p.im, kind="page", doc="base price (底價) approval sheet", types=["procurement_secret", "classified_marking"],
                note="底價 before opening, marked 密")


def f_appraisal():
    p = Page(1754, 1240, margin=60)
    p.title("113年度公務人員考績 初評名冊（未經核定，請勿外流）", 42)
    rows = [[name(), R.choice(UNITS), R.choice(TITLES), str(R.randint(68, 90)), R.choice(["甲", "甲", "乙", "乙", "丙"])] for _ in range(R.randint(8, 11))]
    p.table(["姓名", "單位", "職稱", "分數", "考績等次"], rows, [1, 1.4, 1, .7, .9], 29)
    return dict(im=p.im, kind="page", doc="annual appraisal list before approval", types=["personnel_secret", "person_name"],
                note="unapproved appraisal grades of named staff")


def f_promotion():
    p = Page()
    p.title("%s 甄審委員會 陞遷評分表" % agency()[0], 40)
    p.text("職缺：%s%s（限閱，未經首長圈定）" % (R.choice(UNITS), R.choice(["科長", "股長", "專員"])), 30, fill=(180, 20, 20))
    rows = []
    for _ in range(R.randint(5, 8)):
        a, b, c = R.randint(30, 40), R.randint(15, 25), R.randint(10, 20)
        rows.append([name(), str(a), str(b), str(c), str(a + b + c)])
    rows.sort(key=lambda r: -int(r[-1]))
    for i, r in enumerate(rows):
        r.append(str(i + 1))
    p.table(["姓名", "考績", "年資", "訓練", "總分", "名次"], rows, [1.2, .8, .8, .8, .8, .8], 30)
    return dict(im=p.im, kind="page", doc="promotion score sheet (unannounced)", types=["personnel_secret", "person_name"],
                note="candidate scores and ranks before decision")


def f_classified_letter():
    ag = agency()
    p = Page()
    mark = secret_page(p, R.choice(["密", "機密", "限閱"]))
    p.title(ag[0] + "　函", 54, "serifb")
    p.kv([("發文日期：", pdate()), ("發文字號：", docno(ag[3])), ("速別：", "最速件"),
          ("密等及解密條件或保密期限：", "%s，%s" % (mark.replace(" ", ""), R.choice(["本案結案後解密", "保密期限至114年12月31日", "公布後解密"])))], 28, 400)
    p.gap(10).text("主旨：" + R.choice(["有關○○專案偵辦進度及後續部署，請依說明辦理。", "檢送本局重大違規案件移送資料，請查照。", "研商本年度專案查緝勤務部署事宜。"]), 32, "serif")
    p.text("說明：一、本案涉及%s，相關人員應嚴守秘密，不得對外透露。" % R.choice(["偵查中案件", "查緝勤務", "人事調動"]), 30, "serif", indent=20)
    p.text("二、預定於113年%d月%d日執行，參與人員名單另行通知。" % (R.randint(1, 12), R.randint(1, 28)), 30, "serif", indent=60)
    return dict(im=p.im, kind="page", doc="official letter with %s classification" % mark, types=["classified_marking"],
                note="document classified " + mark)


def f_investigation():
    p = Page()
    secret_page(p, "偵查不公開")
    p.title("專案偵辦進度報告", 50)
    nm = name()
    p.kv([("案號：", "113年度他字第%d號" % R.randint(100, 9999)), ("涉嫌人：", "%s（%s負責人）" % (nm, R.choice(COMPANIES))),
          ("涉嫌罪名：", R.choice(CRIMES)), ("偵辦進度：", "已完成通訊監察，預定113年%d月%d日清晨執行搜索" % (R.randint(1, 12), R.randint(1, 28))),
          ("搜索地點：", addr()), ("備註：", "勿使涉嫌人知悉，以免湮滅證據")], 31, 220)
    return dict(im=p.im, kind="page", doc="investigation progress report", types=["investigation_secret", "person_name", "address"],
                note="ongoing investigation with planned search")


def f_whistle_report():
    p = Page()
    p.title("檢舉書", 56, "serifb")
    p.kv([("檢舉人姓名：", name()), ("聯絡電話：", mobile()), ("通訊地址：", addr()),
          ("被檢舉人：", "%s%s %s" % (agency()[0], R.choice(TITLES), name())),
          ("檢舉內容：", R.choice(["收受廠商招待及回扣，並於驗收時放水", "利用職務之便查詢民眾個資並販售", "上班時間經營私人事業", "違法核發建築執照"])),
          ("是否同意公開身分：", "☐ 同意　☑ 不同意")], 31, 300)
    p.gap(20).text("收件日期：113年%d月%d日　收文號：政%07d" % (R.randint(1, 12), R.randint(1, 28), R.randint(0, 9999999)), 26)
    return dict(im=p.im, kind="page", doc="whistleblower report with reporter identity", types=["whistleblower_identity", "person_name", "phone_number"],
                note="reporter's name, phone and address visible")


def f_inspection_plan():
    p = Page(1754, 1240, margin=60)
    secret_page(p, "不公開")
    p.title("113年%d月份 %s 聯合稽查計畫" % (R.randint(1, 12), R.choice(["食品衛生", "消防安全", "環境污染", "八大行業"])), 44)
    rows = []
    for _ in range(R.randint(6, 9)):
        rows.append(["%d/%d" % (R.randint(1, 12), R.randint(1, 28)), "%02d:%02d" % (R.choice([9, 10, 14, 21, 22]), R.choice([0, 30])),
                     R.choice(SHOPS) + R.choice(["中山店", "站前店", "", "二店"]), addr(False), "%s等%d人" % (name(), R.randint(3, 6))])
    p.table(["日期", "時間", "稽查對象", "地址", "稽查人員"], rows, [.7, .7, 1.5, 2.6, 1.3], 28)
    p.text("※ 本計畫屬應秘密事項，執行前不得對外透露。", 28, fill=(200, 20, 20))
    return dict(im=p.im, kind="page", doc="inspection plan with targets and dates (不公開)", types=["inspection_plan"],
                note="unannounced inspection targets/times")


def f_roster_citizens():
    p = Page(1754, 1240, margin=60)
    p.title(R.choice(["%s里 獨居長者關懷訪視名冊", "%s區 急難救助申請名冊", "%s里 防疫居家關懷名單"]) % R.choice(["福德", "仁愛", "中正", "和平", "長春"]), 44)
    rows = [[name(), str(R.randint(65, 95)), mobile(), addr()] for _ in range(R.randint(7, 10))]
    p.table(["姓名", "年齡", "電話", "住址"], rows, [1, .6, 1.4, 3.5], 28)
    return dict(im=p.im, kind="page", doc="roster of citizens with phones and addresses", types=["person_name", "phone_number", "address"],
                note="citizen contact list")


def f_signup_with_ids():
    p = Page(1754, 1240, margin=60)
    p.title("社區%s活動 報名表（投保用）" % R.choice(["健走", "旅遊", "淨灘"]), 44)
    rows = []
    for i in range(R.randint(8, 11)):
        y, m, dd = roc_ymd()
        rows.append([str(i + 1), name(), twid(), "%d/%02d/%02d" % (y, m, dd), mobile()])
    p.table(["序", "姓名", "身分證字號", "出生日期", "手機"], rows, [.4, 1, 1.4, 1.2, 1.4], 29)
    return dict(im=p.im, kind="page", doc="event sign-up sheet with citizens' IDs (hard)", types=["tw_national_id", "person_name", "phone_number"],
                note="hard: looks like an ordinary sign-up sheet but contains IDs and mobiles")


def f_vehicle_query():
    plate = "%s-%04d" % ("".join(R.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3)), R.randint(1, 9999))
    im, d = desktop_window("車籍查詢", "https://mvdis-internal/query")
    d.rectangle([0, 120, 1920, 200], fill=(110, 40, 40))
    d.text((30, 135), "監理資料查詢 ─ 車籍及車主資料", font=font("sansb", 42), fill=(255, 255, 255))
    yy = 250
    for k, v in [("車號", plate), ("廠牌", R.choice(["TOYOTA", "HONDA", "NISSAN", "MAZDA"])), ("車主姓名", name()), ("車主證號", twid()),
                 ("車主地址", addr()), ("聯絡電話", mobile())]:
        d.text((100, yy), k + "：", font=font("sansb", 42), fill=(20, 20, 20))
        d.text((400, yy), v, font=font("sans", 42), fill=(20, 20, 20))
        yy += 90
    return dict(im=im, kind="desktop", doc="vehicle owner query screenshot", types=["license_plate", "person_name", "address"],
                note="plate with owner identity and address")


def f_covid_list():
    p = Page(1754, 1240, margin=60)
    p.title("確診個案疫調足跡（內部資料 勿外傳）", 44)
    rows = [[name(), str(R.randint(20, 80)), R.choice(["發燒、咳嗽", "無症狀", "喉嚨痛"]), R.choice(SHOPS) + "、" + R.choice(["市場", "健身房", "捷運站"]), addr(False)] for _ in range(R.randint(5, 8))]
    p.table(["姓名", "年齡", "症狀", "足跡", "居住地"], rows, [1, .6, 1.2, 2, 2.4], 28)
    return dict(im=p.im, kind="page", doc="infectious disease case list with footprints", types=["health_info", "person_name", "address"],
                note="unannounced case names and homes")


# ---- chat leaks
def f_chat_leak():
    which = R.randint(0, 7)
    n1, idn, ad, ph = name(), twid(), addr(), mobile()
    if which == 0:
        msgs = [("學長", "幫我查一下這個人的地址 %s %s" % (n1, idn)), ("我", "等我一下"), ("我", "%s 戶籍在 %s" % (n1, ad)), ("學長", "感謝！")]
        t = ["person_name", "tw_national_id", "address"]
        doc = "LINE chat: personal data looked up for a friend"
    elif which == 1:
        shop = R.choice(SHOPS)
        msgs = [("組長", "明天晚上10點突擊稽查 %s %s，先不要說出去" % (shop, R.choice(["中山店", "站前店", "二店"]))), ("小李", "收到"), ("組長", "後天早上9點再去%s" % R.choice(SHOPS)), ("我", "OK")]
        t = ["inspection_plan"]
        doc = "LINE chat: unannounced inspection schedule"
    elif which == 2:
        msgs = [("小陳", "那個檢舉%s的人是%s，電話 %s" % (R.choice(["科長", "主任", "廠商"]), n1, ph)), ("阿華", "真的假的"), ("小陳", "政風那邊的資料我看到的")]
        t = ["whistleblower_identity", "person_name", "phone_number"]
        doc = "LINE chat revealing whistleblower"
    elif which == 3:
        msgs = [("承辦", "目前投標%d家：%s、%s" % (R.randint(2, 4), R.choice(COMPANIES), R.choice(COMPANIES))), ("廠商王經理", "底價大概多少？"),
                ("承辦", "底價抓 %s 萬左右，你報低一點" % format(R.randint(300, 5000), ","))]
        t = ["procurement_secret"]
        doc = "LINE chat leaking bidders and base price"
    elif which == 4:
        msgs = [("人事小姐", "考績初評出來了"), ("人事小姐", "%s 丙等、%s 乙等，還沒核定先不要講" % (n1, name())), ("我", "😮")]
        t = ["personnel_secret", "person_name"]
        doc = "LINE chat leaking unapproved appraisal grades"
    elif which == 5:
        msgs = [("偵查佐", "明天6點拘提 %s，住 %s" % (n1, ad)), ("學弟", "收到"), ("偵查佐", "拘票我拍給你 案號113偵%d" % R.randint(1000, 9999))]
        t = ["warrant", "person_name", "address"]
        doc = "LINE chat disclosing arrest plan"
    elif which == 6:
        msgs = [("同事A", "欸 %s 住院了，聽說是%s" % (n1, R.choice(DIAG))), ("同事B", "真的喔"), ("同事A", "他病歷在%s，我看到的" % R.choice(["榮總", "臺大"]))]
        t = ["health_info", "person_name"]
        doc = "LINE chat disclosing a named person's diagnosis"
    else:
        msgs = [("櫃檯", "民眾資料：%s %s 手機%s" % (n1, idn, ph)), ("櫃檯", "地址%s，幫我建檔" % ad), ("我", "好")]
        t = ["person_name", "tw_national_id", "phone_number"]
        doc = "LINE chat with citizen's ID and phone"
    im = line_chat(R.choice(["稽查小組", "三組群", "同期好友", "科內聊天", "業務聯繫"]), msgs)
    return dict(im=im, kind="phone", doc=doc, types=t, note="chat screenshot disclosing data in text")


def f_whiteboard_plan():
    im = Image.new("RGB", (1800, 1200), (90, 80, 70))
    d = ImageDraw.Draw(im)
    d.rectangle([80, 60, 1720, 1140], fill=(245, 247, 247))
    d.text((140, 100), "下週稽查（不公開）", font=font("wqy", 80), fill=(200, 30, 30))
    y = 240
    for _ in range(6):
        d.text((150, y), "%d/%d %d:%02d %s %s" % (R.randint(1, 12), R.randint(1, 28), R.choice([9, 14, 21, 22]), R.choice([0, 30]), R.choice(SHOPS), R.choice(ROADS)),
               font=font("wqy", 62), fill=R.choice([(20, 20, 20), (30, 60, 160)]))
        y += 140
    return dict(im=im, kind="scene", doc="whiteboard with unannounced inspection targets", types=["inspection_plan"],
                note="hard: whiteboard photo listing upcoming inspection targets and times")


def f_id_chat():
    """ID card photo shared on a phone (screenshot of photo viewer)."""
    idim = id_front_img(name(), "民國%d年%d月%d日" % roc_ymd(), R.choice(["男", "女"]), twid(), "民國%d年%d月%d日 (北市) 換發" % (R.randint(94, 112), R.randint(1, 12), R.randint(1, 28)))
    im, d = phone_canvas(bg=(0, 0, 0), dark_status=True)
    d.text((40, 110), "<  相片", font=font("sans", 46), fill=(240, 240, 240))
    pic = idim.resize((PHONE_W - 40, int(idim.height * (PHONE_W - 40) / idim.width)), Image.LANCZOS)
    im.paste(pic, (20, 700))
    return dict(im=im, kind="phone", doc="ID card photo opened on phone", types=["tw_national_id", "person_name", "birth_date"],
                note="ID photo in phone gallery screenshot")


FLAG = [
    (f_id_front, 12), (f_id_back, 5), (f_health_card, 7), (f_arc, 6), (f_driver, 5), (f_passport, 6), (f_credit_card, 4),
    (f_passbook, 4), (f_arrest_warrant, 7), (f_search_warrant, 6), (f_query_screenshot, 6), (f_household, 5),
    (f_medical, 5), (f_medical_record, 4), (f_criminal, 5), (f_travel, 5), (f_bid_price, 8), (f_bidders, 4),
    (f_committee, 4), (f_base_price, 4), (f_appraisal, 5), (f_promotion, 4), (f_classified_letter, 5),
    (f_investigation, 4), (f_whistle_report, 5), (f_inspection_plan, 5), (f_roster_citizens, 5), (f_signup_with_ids, 4),
    (f_vehicle_query, 4), (f_covid_list, 3), (f_chat_leak, 14), (f_whiteboard_plan, 3), (f_id_chat, 3),
]

TYPES = {"tw_national_id", "tw_resident_id", "passport_number", "credit_card", "bank_account", "phone_number", "email",
         "address", "birth_date", "license_plate", "person_name", "health_info", "criminal_record", "travel_record",
         "warrant", "investigation_secret", "whistleblower_identity", "procurement_secret", "classified_marking",
         "personnel_secret", "inspection_plan"}


def expand(table, n):
    tot = sum(w for _, w in table)
    lst = []
    for fn, w in table:
        lst += [fn] * max(1, round(w * n / tot))
    while len(lst) < n:
        lst.append(R.choice(table)[0])
    R.shuffle(lst)
    return lst[:n]


def build(job):
    i, exp, fname = job
    R.seed(SEED * 7919 + i)  # per-image seed: deterministic regardless of worker order
    fn = globals()[fname]
    meta = fn()
    kind = meta["kind"]
    style = meta.get("style") or R.choice(STYLES[kind])
    # bid price sheets: often rotated 90 at low JPEG quality (phone photo of the desk)
    if fn is f_bid_price and R.random() < .5:
        style = "rot90"
    im, ext, q, notes = render(meta["im"], kind, style)
    if fn is f_bid_price and style == "rot90":
        q = R.randint(30, 50)
        notes.append("low jpeg quality")
    ident = "t%04d" % i
    path = os.path.join(OUT_IMG, ident + "." + ext)
    if ext == "jpg":
        im.save(path, quality=q)
        notes.append("jpeg q=%d" % q)
    else:
        im.save(path, compress_level=3)
    types = sorted(set(meta.get("types", []))) if exp == "flag" else []
    assert all(t in TYPES for t in types)
    note = meta["note"] + ("; " + "; ".join(notes) if notes else "")
    lab = dict(id=ident, image="img/%s.%s" % (ident, ext), expect=exp, types=types, doc=meta["doc"], style=style,
               note=note, size="%dx%d" % im.size)
    if exp == "allow":
        lab["hard"] = bool(meta.get("hard", False))
    return lab


def main():
    if os.path.isdir(OUT_IMG):
        shutil.rmtree(OUT_IMG)
    os.makedirs(OUT_IMG)
    R.seed(SEED)
    jobs = [("allow", fn.__name__) for fn in expand(ALLOW, N_ALLOW)] + [("flag", fn.__name__) for fn in expand(FLAG, N_FLAG)]
    R.shuffle(jobs)
    jobs = [(i, e, f) for i, (e, f) in enumerate(jobs, 1)]
    import multiprocessing as mp
    with mp.Pool(max(1, min(8, os.cpu_count() or 1))) as pool:
        labels = pool.map(build, jobs, chunksize=4)
    with open(os.path.join(HERE, "labels.jsonl"), "w", encoding="utf-8") as f:
        for l in labels:
            f.write(json.dumps(l, ensure_ascii=False) + "\n")
    print("wrote", len(labels), "images")


if __name__ == "__main__":
    main()
