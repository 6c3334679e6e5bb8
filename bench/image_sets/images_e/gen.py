#!/usr/bin/env python3
"""Generator for the images_e labelled image test set (zh-TW leak detection).

Deterministic: fixed seed, no network, only Pillow + numpy.
Writes img/eNNNN.{png,jpg}, labels.jsonl and truth.jsonl (side file with the
identifiers drawn on each image, used by validate.py for checksum checks).

Run:  nice -n 10 /work/main/.venv/bin/python gen.py
"""
import json, math, os, random, sys
import numpy as np
from PIL import Image, ImageDraw, ImageFont, ImageFilter

SEED = 20261203
OUT = os.path.dirname(os.path.abspath(__file__))
IMG = os.path.join(OUT, "img")
MIN_FONT = 26          # smallest font size used anywhere (px)

NOTO = "/usr/share/fonts/opentype/noto/"
WQY = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
_FC = {}


def F(size, kind="sans"):
    assert size >= MIN_FONT, size
    key = (size, kind)
    if key not in _FC:
        if kind == "sans":
            f = ImageFont.truetype(NOTO + "NotoSansCJK-Regular.ttc", size, index=3)
        elif kind == "bold":
            f = ImageFont.truetype(NOTO + "NotoSansCJK-Bold.ttc", size, index=3)
        elif kind == "serif":
            f = ImageFont.truetype(NOTO + "NotoSerifCJK-Regular.ttc", size, index=3)
        elif kind == "serifb":
            f = ImageFont.truetype(NOTO + "NotoSerifCJK-Bold.ttc", size, index=3)
        elif kind == "mono":
            f = ImageFont.truetype(NOTO + "NotoSansCJK-Regular.ttc", size, index=5)
        else:  # hand / marker
            f = ImageFont.truetype(WQY, size)
        _FC[key] = f
    return _FC[key]

# ----------------------------------------------------------------- identifiers
LV = dict(A=10, B=11, C=12, D=13, E=14, F=15, G=16, H=17, I=34, J=18, K=19, L=20, M=21,
          N=22, O=35, P=23, Q=24, R=25, S=26, T=27, U=28, V=29, W=32, X=30, Y=31, Z=33)
CITY_LETTER = {"臺北市": "A", "臺中市": "B", "基隆市": "C", "臺南市": "D", "高雄市": "E",
               "新北市": "F", "宜蘭縣": "G", "桃園市": "H", "新竹縣": "J", "彰化縣": "N",
               "花蓮縣": "U", "屏東縣": "T"}


def id_ok(s):
    if len(s) != 10 or s[0] not in LV or not s[1:].isdigit():
        return False
    v = LV[s[0]]
    d = [v // 10, v % 10] + [int(c) for c in s[1:]]
    w = [1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1]
    return sum(a * b for a, b in zip(d, w)) % 10 == 0


def make_id(rng, letter=None, second=None):
    letter = letter or rng.choice("ABDEFHJNTU")
    second = second or rng.choice("12")
    body = letter + second + "".join(rng.choice("0123456789") for _ in range(7))
    for c in "0123456789":
        if id_ok(body + c):
            return body + c
    raise RuntimeError


def luhn_ok(s):
    t = 0
    for i, c in enumerate(reversed(s)):
        d = int(c)
        if i % 2:
            d = d * 2
            d = d - 9 if d > 9 else d
        t += d
    return t % 10 == 0


def make_card(rng):
    pre = rng.choice(["4", "5"]) + "".join(rng.choice("0123456789") for _ in range(5))
    body = pre + "".join(rng.choice("0123456789") for _ in range(9))
    for c in "0123456789":
        if luhn_ok(body + c):
            return body + c


def mrz_cd(s):
    vals = []
    for ch in s:
        if ch.isdigit():
            vals.append(int(ch))
        elif ch == "<":
            vals.append(0)
        else:
            vals.append(ord(ch) - 55)
    return str(sum(v * (7, 3, 1)[i % 3] for i, v in enumerate(vals)) % 10)


SUR = [("陳", "CHEN"), ("林", "LIN"), ("黃", "HUANG"), ("張", "CHANG"), ("李", "LI"), ("王", "WANG"),
       ("吳", "WU"), ("劉", "LIU"), ("蔡", "TSAI"), ("楊", "YANG"), ("許", "HSU"), ("鄭", "CHENG"),
       ("謝", "HSIEH"), ("郭", "KUO"), ("洪", "HUNG"), ("曾", "TSENG"), ("邱", "CHIU"), ("廖", "LIAO"),
       ("賴", "LAI"), ("周", "CHOU"), ("蘇", "SU"), ("葉", "YEH"), ("莊", "CHUANG"), ("呂", "LU")]
GIV = [("志明", "CHIH-MING", 1), ("雅婷", "YA-TING", 2), ("俊傑", "CHUN-CHIEH", 1), ("淑芬", "SHU-FEN", 2),
       ("家豪", "CHIA-HAO", 1), ("怡君", "YI-CHUN", 2), ("建宏", "CHIEN-HUNG", 1), ("美玲", "MEI-LING", 2),
       ("宗翰", "TSUNG-HAN", 1), ("佩珊", "PEI-SHAN", 2), ("冠宇", "KUAN-YU", 1), ("欣怡", "HSIN-YI", 2),
       ("承翰", "CHENG-HAN", 1), ("詩涵", "SHIH-HAN", 2), ("柏翰", "PO-HAN", 1), ("宜蓁", "YI-CHEN", 2),
       ("文雄", "WEN-HSIUNG", 1), ("秀英", "HSIU-YING", 2), ("國榮", "KUO-JUNG", 1), ("麗華", "LI-HUA", 2),
       ("振宇", "CHEN-YU", 1), ("筱涵", "HSIAO-HAN", 2), ("明德", "MING-TE", 1), ("惠君", "HUI-CHUN", 2)]
CITIES = [("臺北市", ["大安區", "中山區", "信義區", "士林區"]), ("新北市", ["板橋區", "三重區", "新店區", "中和區"]),
          ("桃園市", ["中壢區", "桃園區", "八德區"]), ("臺中市", ["西屯區", "北屯區", "南屯區"]),
          ("臺南市", ["東區", "永康區", "安平區"]), ("高雄市", ["苓雅區", "三民區", "鳳山區"]),
          ("彰化縣", ["員林市", "彰化市"]), ("宜蘭縣", ["羅東鎮", "宜蘭市"]), ("花蓮縣", ["花蓮市", "吉安鄉"])]
ROADS = ["中山路", "民生路", "復興路", "中正路", "自由路", "建國路", "和平路", "忠孝路", "仁愛路", "光復路",
         "成功路", "文化路", "民族路", "公園路"]
LI = ["福德", "永安", "中興", "和平", "光明", "新生", "仁愛", "文昌", "長春", "大同"]
AGENCIES = ["臺中市政府環境保護局", "新北市政府衛生局", "高雄市政府警察局苓雅分局", "臺南市政府經濟發展局",
            "桃園市政府勞動局", "內政部移民署北區事務大隊", "財政部北區國稅局", "臺北市政府消防局",
            "彰化縣政府建設處", "宜蘭縣政府地政處", "交通部公路局臺北區監理所", "新竹縣政府社會處"]
SHOPS = ["阿美早餐店", "好食光便當", "老張牛肉麵", "小巷咖啡", "福記水煎包", "日日鮮果汁", "巷口滷味", "大碗公麵館"]
COMPANIES = ["宏達工程股份有限公司", "永信營造有限公司", "嘉禾資訊股份有限公司", "大成環保科技有限公司",
             "立新機電工程行", "華冠清潔股份有限公司", "東昇資訊有限公司", "瑞豐營造股份有限公司"]
STORES = ["金鑽KTV", "皇家視聽歌唱", "大豐食品廠", "順興鐵工廠", "悅來旅社", "美樂地網咖", "福星小吃店", "永豐汽車美容"]


def name(rng):
    s = rng.choice(SUR); g = rng.choice(GIV)
    return s[0] + g[0], f"{s[1]}, {g[1]}", g[2]


def masked_name(rng):
    s = rng.choice(SUR)[0]; g = rng.choice(GIV)[0]
    return s + "○" + g[1]


def address(rng, city=None):
    c, ds = city or rng.choice(CITIES)
    if isinstance(ds, str):
        ds = [ds]
    a = f"{c}{rng.choice(ds)}{rng.choice(LI)}里{rng.randint(1, 24)}鄰{rng.choice(ROADS)}"
    if rng.random() < 0.5:
        a += f"{rng.choice('一二三')}段"
    if rng.random() < 0.5:
        a += f"{rng.randint(2, 300)}巷"
    a += f"{rng.randint(1, 199)}號"
    if rng.random() < 0.5:
        a += f"{rng.randint(2, 12)}樓"
    return c, a


def mobile(rng, sep="-"):
    d = "09" + "".join(rng.choice("0123456789") for _ in range(8))
    return d[:4] + sep + d[4:7] + sep + d[7:] if sep else d


def office_phone(rng):
    return f"(0{rng.choice([2, 4, 6, 7])}){rng.randint(2000, 2999)}-{rng.randint(1000, 9999)}"


def roc_date(rng, y0=45, y1=90):
    return rng.randint(y0, y1), rng.randint(1, 12), rng.randint(1, 28)

# ----------------------------------------------------------------- drawing
class Page:
    def __init__(self, w, h, bg=(255, 255, 255)):
        self.im = Image.new("RGB", (w, h), bg)
        self.d = ImageDraw.Draw(self.im)
        self.w, self.h = w, h

    def t(self, x, y, s, size=30, kind="sans", fill=(25, 25, 25), anchor="la"):
        self.d.text((x, y), s, font=F(size, kind), fill=fill, anchor=anchor)
        b = self.d.textbbox((x, y), s, font=F(size, kind), anchor=anchor)
        return b

    def tw(self, s, size=30, kind="sans"):
        return self.d.textlength(s, font=F(size, kind))

    def wrap(self, x, y, s, size=30, maxw=None, kind="sans", fill=(25, 25, 25), lh=1.45):
        maxw = maxw or (self.w - x - 60)
        line = ""
        lines = []
        for ch in s:
            if ch == "\n":
                lines.append(line); line = ""; continue
            if self.tw(line + ch, size, kind) > maxw:
                lines.append(line); line = ch
            else:
                line += ch
        if line:
            lines.append(line)
        for ln in lines:
            self.t(x, y, ln, size, kind, fill)
            y += int(size * lh)
        return y

    def rect(self, box, outline=(40, 40, 40), fill=None, width=2, r=0):
        if r:
            self.d.rounded_rectangle(box, r, outline=outline, fill=fill, width=width)
        else:
            self.d.rectangle(box, outline=outline, fill=fill, width=width)

    def table(self, x, y, cols, rows, size=28, rowh=None, header_fill=(225, 230, 238), kind="sans"):
        rowh = rowh or int(size * 1.9)
        for ri, row in enumerate(rows):
            cx = x
            for ci, cw in enumerate(cols):
                fill = header_fill if ri == 0 and header_fill else None
                self.rect((cx, y, cx + cw, y + rowh), fill=fill, width=2)
                txt = str(row[ci]) if ci < len(row) else ""
                self.t(cx + 10, y + rowh // 2, txt, size, "bold" if ri == 0 else kind, anchor="lm")
                cx += cw
            y += rowh
        return y

    def kv(self, x, y, pairs, kw=220, vw=700, size=28, rowh=None):
        rowh = rowh or int(size * 1.9)
        for k, v in pairs:
            self.rect((x, y, x + kw, y + rowh), fill=(238, 238, 238))
            self.rect((x + kw, y, x + kw + vw, y + rowh))
            self.t(x + 10, y + rowh // 2, k, size, "bold", anchor="lm")
            self.t(x + kw + 12, y + rowh // 2, v, size, anchor="lm")
            y += rowh
        return y

    def stamp(self, cx, cy, text, size=34, color=(200, 30, 30), shape="rect"):
        lay = Image.new("RGBA", (self.w, self.h), (0, 0, 0, 0))
        d = ImageDraw.Draw(lay)
        tw = d.textlength(text, font=F(size, "serifb"))
        pad = 14
        box = (cx - tw / 2 - pad, cy - size / 2 - pad, cx + tw / 2 + pad, cy + size / 2 + pad + 6)
        if shape == "ellipse":
            d.ellipse(box, outline=color + (200,), width=4)
        else:
            d.rectangle(box, outline=color + (200,), width=4)
        d.text((cx, cy + 3), text, font=F(size, "serifb"), fill=color + (200,), anchor="mm")
        self.im.paste(Image.alpha_composite(self.im.convert("RGBA"), lay).convert("RGB"))

    def watermark(self, text, size=120, color=(220, 40, 40), alpha=110, angle=30, rep=1):
        lay = Image.new("RGBA", (self.w, self.h), (0, 0, 0, 0))
        d = ImageDraw.Draw(lay)
        for k in range(rep):
            cy = self.h * (k + 1) / (rep + 1)
            d.text((self.w / 2, cy), text, font=F(size, "bold"), fill=color + (alpha,), anchor="mm")
        lay = lay.rotate(angle, resample=Image.BICUBIC, center=(self.w / 2, self.h / 2))
        self.im.paste(Image.alpha_composite(self.im.convert("RGBA"), lay).convert("RGB"))

    def photo_box(self, box, seed):
        """A placeholder portrait (silhouette) inside box."""
        x0, y0, x1, y1 = box
        self.rect(box, fill=(205, 215, 225), outline=(150, 150, 150))
        cx = (x0 + x1) / 2; w = x1 - x0; h = y1 - y0
        tone = (120 + seed % 40, 95 + seed % 30, 80 + seed % 25)
        self.d.ellipse((cx - w * .22, y0 + h * .15, cx + w * .22, y0 + h * .55), fill=tone)
        self.d.ellipse((cx - w * .42, y0 + h * .6, cx + w * .42, y1 + h * .35), fill=(60, 60, 80))
        self.d.rectangle((x0, y1, x1, y1 + h), fill=None)

    def barcode(self, x, y, w, h, rng):
        cx = x
        while cx < x + w:
            bw = rng.choice([2, 2, 3, 4, 6])
            if rng.random() < 0.55:
                self.d.rectangle((cx, y, cx + bw - 1, y + h), fill=(10, 10, 10))
            cx += bw

    def qr(self, x, y, s, rng):
        n = 25; c = s / n
        for i in range(n):
            for j in range(n):
                if rng.random() < 0.5:
                    self.d.rectangle((x + i * c, y + j * c, x + (i + 1) * c, y + (j + 1) * c), fill=(0, 0, 0))
        for (a, b) in [(0, 0), (n - 7, 0), (0, n - 7)]:
            self.d.rectangle((x + a * c, y + b * c, x + (a + 7) * c, y + (b + 7) * c), fill=(255, 255, 255))
            self.d.rectangle((x + a * c, y + b * c, x + (a + 7) * c, y + (b + 7) * c), outline=(0, 0, 0), width=int(c))
            self.d.rectangle((x + (a + 2) * c, y + (b + 2) * c, x + (a + 5) * c, y + (b + 5) * c), fill=(0, 0, 0))


def doc_page(title, blocks, rng, w=1150, h=None, marks=None, org=None, stamp=None, wm=None, serif=False):
    """A4-like printed page. blocks: list of (kind, payload)."""
    h = h or int(w * 1.36)
    p = Page(w, h, (252, 252, 250))
    body = "serif" if serif else "sans"
    y = 60
    if marks:
        for i, m in enumerate(marks):
            b = p.t(w - 70, y + i * 62, m, 40, "bold", fill=(200, 20, 20), anchor="ra")
            p.rect((b[0] - 10, b[1] - 8, b[2] + 10, b[3] + 8), outline=(200, 20, 20), width=3)
        y += 20
    if org:
        p.t(w / 2, y + 10, org, 34, "serifb" if serif else "bold", anchor="ma"); y += 62
    p.t(w / 2, y + 6, title, 44, "serifb" if serif else "bold", anchor="ma"); y += 90
    for kind, pl in blocks:
        if y > h - 80:
            break
        if kind == "p":
            y = p.wrap(70, y, pl, 30, w - 140, body) + 8
        elif kind == "h":
            p.t(70, y, pl, 32, "bold"); y += 54
        elif kind == "kv":
            kw = max(p.tw(k, 28, "bold") for k, _ in pl) + 30
            y = p.kv(70, y, pl, kw=kw, vw=w - 140 - kw) + 20
        elif kind == "table":
            cols, rows = pl
            sc = (w - 140) / sum(cols)
            y = p.table(70, y, [int(c * sc) for c in cols], rows, 27) + 20
        elif kind == "sp":
            y += pl
        elif kind == "sig":
            p.t(w - 80, y, pl, 30, body, anchor="ra"); y += 50
    hh = min(h, max(y + 170, int(w * 0.72)))   # trim blank bottom of the page
    p.im = p.im.crop((0, 0, w, hh)); p.d = ImageDraw.Draw(p.im); p.h = h = hh
    if stamp:
        p.stamp(w - 250, min(y + 40, h - 110), stamp, 34, shape="rect")
    if wm:
        p.watermark(wm[0], wm[1] if len(wm) > 1 else 130, rep=wm[2] if len(wm) > 2 else 1)
    return p.im


def phone_screen(title, rows, rng, head=(33, 90, 160), foot=None, w=760, h=1560, mono=False, sub=None):
    """Phone-sized screenshot of a query app / web form: rows (label, value) or ('#', section)."""
    p = Page(w, h, (246, 247, 250))
    p.rect((0, 0, w, 60), fill=(20, 20, 20), outline=(20, 20, 20))
    p.t(30, 30, f"{rng.randint(8, 17)}:{rng.randint(10, 59)}", 28, "bold", fill=(255, 255, 255), anchor="lm")
    p.t(w - 30, 30, f"{rng.randint(23, 98)}%", 28, fill=(255, 255, 255), anchor="rm")
    p.rect((0, 60, w, 170), fill=head, outline=head)
    p.t(30, 115, "‹", 48, "bold", fill=(255, 255, 255), anchor="lm")
    p.t(w / 2, 115, title, 34, "bold", fill=(255, 255, 255), anchor="mm")
    y = 190
    if sub:
        y = p.wrap(30, y, sub, 27, w - 60, fill=(90, 90, 90)) + 6
    for k, v in rows:
        if k == "#":
            p.rect((0, y, w, y + 58), fill=(226, 232, 240), outline=(226, 232, 240))
            p.t(30, y + 29, v, 29, "bold", fill=(40, 60, 90), anchor="lm"); y += 70; continue
        p.t(30, y, k, 27, fill=(110, 110, 110))
        y = p.wrap(30, y + 38, v, 31, w - 60, "mono" if mono and v.isascii() else "sans") + 10
        p.d.line((30, y, w - 30, y), fill=(215, 215, 215), width=2); y += 16
        if y > h - 140:
            break
    if foot:
        p.rect((0, h - 110, w, h), fill=(255, 255, 255), outline=(220, 220, 220))
        p.t(w / 2, h - 55, foot, 27, fill=(120, 120, 120), anchor="mm")
    return p.im


def chat_screen(group, msgs, rng, w=760, h=1560):
    """LINE-like group chat. msgs: (side 'L'/'R', sender, text)."""
    p = Page(w, h, (140, 171, 216))
    p.rect((0, 0, w, 60), fill=(30, 30, 40), outline=(30, 30, 40))
    p.t(30, 30, f"{rng.randint(8, 22)}:{rng.randint(10, 59)}", 28, "bold", fill=(255, 255, 255), anchor="lm")
    p.t(w - 30, 30, "4G", 28, fill=(255, 255, 255), anchor="rm")
    p.rect((0, 60, w, 160), fill=(36, 47, 66), outline=(36, 47, 66))
    p.t(30, 110, "‹", 48, "bold", fill=(255, 255, 255), anchor="lm")
    p.t(80, 110, f"{group}（{rng.randint(5, 38)}）", 32, "bold", fill=(255, 255, 255), anchor="lm")
    y = 190
    hh, mm = rng.randint(8, 20), rng.randint(0, 40)
    p.t(w / 2, y, rng.choice(["今天", "昨天", "12/2（三）", "12/3（四）"]), 26, fill=(255, 255, 255), anchor="ma"); y += 54
    maxw = int(w * 0.62)
    for side, who, text in msgs:
        # wrap
        lines, line = [], ""
        for ch in text:
            if ch == "\n":
                lines.append(line); line = ""; continue
            if p.tw(line + ch, 30) > maxw - 36:
                lines.append(line); line = ch
            else:
                line += ch
        if line:
            lines.append(line)
        bw = int(max(p.tw(l, 30) for l in lines)) + 36
        bh = len(lines) * 44 + 24
        if y + bh + 60 > h - 110:
            break
        mm += rng.randint(0, 3)
        ts = f"{'上午' if hh < 12 else '下午'} {hh if hh <= 12 else hh - 12}:{mm % 60:02d}"
        if side == "L":
            p.d.ellipse((20, y, 84, y + 64), fill=tuple(rng.randint(120, 230) for _ in range(3)))
            p.t(100, y - 2, who, 26, fill=(40, 40, 60))
            by = y + 38
            p.rect((100, by, 100 + bw, by + bh), fill=(255, 255, 255), outline=(255, 255, 255), r=22)
            for i, l in enumerate(lines):
                p.t(118, by + 12 + i * 44, l, 30)
            p.t(110 + bw, by + bh - 4, ts, 26, fill=(60, 70, 90), anchor="ld")
            y = by + bh + 26
        else:
            bx = w - 24 - bw
            p.rect((bx, y, w - 24, y + bh), fill=(134, 222, 110), outline=(134, 222, 110), r=22)
            for i, l in enumerate(lines):
                p.t(bx + 18, y + 12 + i * 44, l, 30)
            p.t(bx - 8, y + bh - 4, "已讀 " + ts, 26, fill=(60, 70, 90), anchor="rd")
            y += bh + 26
    p.rect((0, h - 100, w, h), fill=(250, 250, 250), outline=(220, 220, 220))
    p.rect((90, h - 80, w - 90, h - 22), fill=(238, 238, 238), outline=(238, 238, 238), r=28)
    p.t(120, h - 51, "輸入訊息", 27, fill=(150, 150, 150), anchor="lm")
    return p.im


def slide(title, bullets, rng, theme=None, foot=None, marks=None, w=1600, h=900):
    theme = theme or rng.choice([((20, 70, 140), (245, 248, 252)), ((0, 110, 90), (248, 252, 250)),
                                 ((150, 40, 40), (253, 249, 247)), ((70, 50, 120), (250, 248, 253))])
    p = Page(w, h, theme[1])
    p.rect((0, 0, w, 140), fill=theme[0], outline=theme[0])
    p.t(60, 70, title, 50, "bold", fill=(255, 255, 255), anchor="lm")
    if marks:
        b = p.t(w - 60, 70, marks, 40, "bold", fill=(255, 230, 60), anchor="rm")
        p.rect((b[0] - 10, b[1] - 8, b[2] + 10, b[3] + 8), outline=(255, 230, 60), width=3)
    y = 185
    for b in bullets:
        sub = b.startswith("  ")
        x = 130 if sub else 80
        p.d.ellipse((x - 30, y + 14, x - 16, y + 28), fill=theme[0])
        y = p.wrap(x, y, b.strip(), 32 if sub else 36, w - x - 80) + 14
        if y > h - 90:
            break
    p.t(w - 60, h - 40, foot or f"{rng.randint(2, 24)}", 26, fill=(120, 120, 120), anchor="rm")
    return p.im


def whiteboard(lines, rng, w=1500, h=1000):
    p = Page(w, h, (236, 238, 236))
    arr = np.asarray(p.im).astype(np.int16)
    g = np.linspace(0, 1, w)[None, :, None] * rng.randint(-20, 10)
    p.im = Image.fromarray(np.clip(arr + g, 0, 255).astype(np.uint8)); p.d = ImageDraw.Draw(p.im)
    p.rect((0, 0, w - 1, h - 1), outline=(150, 150, 155), width=18)
    p.rect((0, h - 40, w, h), fill=(170, 170, 175), outline=(150, 150, 155))
    y = 60
    for ln in lines:
        col = rng.choice([(20, 40, 140), (20, 20, 20), (180, 20, 20), (20, 110, 40)])
        sz = 68 if y == 60 else rng.randint(54, 62)
        x = 70 + rng.randint(-10, 30)
        # slight wobble per line
        lay = Image.new("RGBA", (w, sz * 2), (0, 0, 0, 0))
        ImageDraw.Draw(lay).text((x, sz // 3), ln, font=F(sz, "hand"), fill=col + (235,))
        lay = lay.rotate(rng.uniform(-1.2, 1.2), resample=Image.BICUBIC)
        p.im.paste(lay, (0, y - sz // 3), lay)
        y += int(sz * 1.45)
        if y > h - 110:
            break
    return p.im


def card_base(w=1000, h=630, bg=(235, 242, 236)):
    p = Page(w, h, bg)
    p.rect((2, 2, w - 3, h - 3), outline=(180, 180, 180), width=3, r=30)
    return p

# ----------------------------------------------------------------- effects
def _np(im):
    return np.asarray(im).astype(np.float32)


def _pil(a):
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))


def eff_scan(im, rng, nrng, fx):
    a = _np(im)
    a = a * np.array([0.99, 0.975, 0.94]) + 2
    a += nrng.normal(0, 5, a.shape[:2])[..., None]
    im = _pil(a)
    ang = rng.uniform(-1.8, 1.8)
    im = im.rotate(ang, resample=Image.BICUBIC, expand=True, fillcolor=(248, 248, 244))
    fx.append(f"scan tint+noise, skew {ang:.1f}°")
    if rng.random() < 0.5:
        a = _np(im); w = a.shape[1]
        edge = np.clip(1 - np.linspace(1, 0, w) ** 18 * 0.55, 0, 1)[None, :, None]
        im = _pil(a * edge); fx.append("scanner edge shadow")
    return im


def eff_photo(im, rng, nrng, fx, desk=None):
    w, h = im.size
    mx, my = int(w * rng.uniform(0.05, 0.09)), int(h * rng.uniform(0.05, 0.09))
    desk = desk or rng.choice([(120, 90, 60), (90, 92, 96), (160, 150, 135), (60, 60, 62), (185, 180, 170)])
    bg = Image.new("RGB", (w + 2 * mx, h + 2 * my), desk)
    a = _np(bg) + nrng.normal(0, 9, (bg.size[1], bg.size[0]))[..., None]
    bg = _pil(a)
    # drop shadow
    sh = Image.new("L", bg.size, 0)
    ImageDraw.Draw(sh).rectangle((mx + 10, my + 14, mx + w + 10, my + h + 14), fill=120)
    sh = sh.filter(ImageFilter.GaussianBlur(12))
    bg = Image.composite(Image.new("RGB", bg.size, (20, 20, 20)), bg, sh)
    bg.paste(im, (mx, my))
    W, H = bg.size
    j = lambda s: rng.uniform(-s, s)
    k = 0.035
    quad = (j(W * k), j(H * k), j(W * k), H + j(H * k), W + j(W * k), H + j(H * k), W + j(W * k), j(H * k))
    im = bg.transform((W, H), Image.QUAD, quad, resample=Image.BICUBIC, fillcolor=desk)
    fx.append("photo on desk, perspective")
    a = _np(im)
    # lighting gradient + optional hand/phone shadow
    ang = rng.uniform(0, 2 * math.pi)
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    g = (xx / W - .5) * math.cos(ang) + (yy / H - .5) * math.sin(ang)
    lo = rng.uniform(0.62, 0.85)
    light = lo + (1 - lo) * (g - g.min()) / (g.max() - g.min() + 1e-6)
    a = a * light[..., None]
    fx.append(f"uneven light {lo:.2f}")
    if rng.random() < 0.5:
        cx, cy = rng.uniform(0, W), rng.uniform(0, H)
        r = rng.uniform(0.25, 0.45) * max(W, H)
        d = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2)
        s = 1 - 0.33 * np.clip(1 - d / r, 0, 1) ** 0.6
        a = a * s[..., None]; fx.append("soft shadow")
    tint = np.array([rng.uniform(0.95, 1.05), 1.0, rng.uniform(0.9, 1.03)])
    a = a * tint + nrng.normal(0, 4, a.shape[:2])[..., None]
    im = _pil(a).filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 0.75)))
    fx.append("blur+noise")
    return im


def eff_screen_photo(im, rng, nrng, fx):
    w, h = im.size
    m = int(max(w, h) * 0.05)
    bg = Image.new("RGB", (w + 2 * m, h + 2 * m), (15, 15, 18))
    bg.paste(im, (m, m))
    W, H = bg.size
    a = _np(bg)
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    th = rng.uniform(0, math.pi)
    per = rng.uniform(3.2, 6.0)
    mo = np.sin((xx * math.cos(th) + yy * math.sin(th)) * 2 * math.pi / per) * rng.uniform(7, 13)
    a = a * rng.uniform(0.78, 0.92) + mo[..., None] + 10
    a = a * np.array([0.92, 0.98, 1.06])
    a += nrng.normal(0, 5, a.shape[:2])[..., None]
    im = _pil(a)
    ang = rng.uniform(-4, 4)
    im = im.rotate(ang, resample=Image.BICUBIC, expand=True, fillcolor=(40, 38, 36))
    im = im.filter(ImageFilter.GaussianBlur(0.7))
    fx.append(f"photo of a screen: moiré, bezel, colour cast, tilt {ang:.1f}°")
    return im


def eff_glare(im, rng, nrng, fx):
    a = _np(im); H, W = a.shape[:2]
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    cx, cy = rng.uniform(.2, .8) * W, rng.uniform(.2, .8) * H
    d = np.sqrt((xx - cx) ** 2 + ((yy - cy) * 1.6) ** 2)
    gl = np.clip(1 - d / (0.18 * max(W, H)), 0, 1) ** 2 * 70
    fx.append("glare spot")
    return _pil(a + gl[..., None])

# ----------------------------------------------------------------- content
Y = 115  # current ROC year (2026)


def fmt_roc(y, m, d):
    return f"民國{y}年{m}月{d}日"


def future_date(rng):
    m, d = 12, rng.randint(7, 30)
    if rng.random() < 0.3:
        return Y + 1, rng.randint(1, 2), rng.randint(1, 28)
    return Y, m, d


def past_date(rng):
    return Y, rng.randint(3, 10), rng.randint(1, 28)

# ---------- FLAG generators -------------------------------------------------------------
def f_id_front(rng):
    nm, _, sex = name(rng)
    c, _ = rng.choice(CITIES)
    nid = make_id(rng, CITY_LETTER.get(c), str(sex))
    by, bm, bd = roc_date(rng)
    p = card_base(bg=(226, 238, 232))
    p.t(500, 60, "中華民國國民身分證", 44, "bold", fill=(40, 80, 60), anchor="mm")
    p.photo_box((640, 120, 930, 480), rng.randint(0, 99))
    p.t(50, 140, "姓名", 30, fill=(60, 90, 70)); p.t(160, 130, nm, 52, "serifb")
    p.t(50, 230, "出生", 30, fill=(60, 90, 70)); p.t(160, 226, fmt_roc(by, bm, bd), 34)
    p.t(50, 300, "性別", 30, fill=(60, 90, 70)); p.t(160, 296, "男" if sex == 1 else "女", 34)
    iy, im_, idd = rng.randint(94, 114), rng.randint(1, 12), rng.randint(1, 28)
    p.t(50, 370, "發證日期", 30, fill=(60, 90, 70)); p.t(200, 366, f"民國{iy}年{im_}月{idd}日（{c[:2]}）換發", 30)
    p.t(50, 520, "統一編號", 30, fill=(60, 90, 70)); p.t(220, 505, nid, 54, "bold", fill=(160, 20, 20))
    return dict(img=p.im, base="photo", doc="id_card_front", types=["tw_national_id", "person_name", "birth_date"],
                note=f"身分證正面，姓名、出生日期、統一編號（檢核碼有效）清楚可讀", ids=[("tw_national_id", nid)])


def f_id_back(rng):
    nm, _, sex = name(rng)
    fa = rng.choice(SUR)[0] + rng.choice(GIV)[0]; mo = rng.choice(SUR)[0] + rng.choice(GIV)[0]
    c, addr = address(rng)
    p = card_base(bg=(232, 238, 240))
    rows = [("父", fa), ("母", mo), ("配偶", rng.choice(SUR)[0] + rng.choice(GIV)[0] if rng.random() < .6 else ""),
            ("役別", rng.choice(["常備役", "替代役", ""])), ("出生地", c)]
    y = 50
    for k, v in rows:
        p.t(50, y, k, 30, fill=(60, 80, 90)); p.t(190, y - 4, v, 36); y += 70
    p.t(50, y, "住址", 30, fill=(60, 80, 90)); p.wrap(190, y - 4, addr, 34, 760)
    p.barcode(60, 540, 600, 60, rng)
    p.t(700, 570, f"{rng.randint(10**9, 10**10 - 1)}", 28, "mono", anchor="lm")
    return dict(img=p.im, base="photo", doc="id_card_back", types=["person_name", "address"],
                note="身分證背面：父母配偶姓名與戶籍住址（含鄰里門牌）", ids=[])


def f_resident_permit(rng):
    fam = rng.choice(["NGUYEN THI", "TRAN VAN", "SANTOS", "WIJAYA", "SRISUK", "REYES"])
    giv = rng.choice(["HOA", "MINH", "MARIA", "ANDI", "SOMCHAI", "ANA"])
    uid = make_id(rng, rng.choice("ABFH"), rng.choice("89"))
    by, bm, bd = rng.randint(1975, 2002), rng.randint(1, 12), rng.randint(1, 28)
    p = card_base(bg=(236, 232, 245))
    p.t(500, 55, "中華民國居留證", 42, "bold", fill=(70, 50, 120), anchor="mm")
    p.t(500, 105, "ALIEN RESIDENT CERTIFICATE", 28, fill=(70, 50, 120), anchor="mm")
    p.photo_box((680, 150, 940, 460), rng.randint(0, 99))
    y = 150
    for k, v in [("姓名 Name", f"{fam} {giv}"), ("出生日期 DOB", f"{by}/{bm:02d}/{bd:02d}"),
                 ("國籍 Nationality", rng.choice(["越南 VIETNAM", "印尼 INDONESIA", "菲律賓 PHILIPPINES", "泰國 THAILAND"])),
                 ("居留事由 Purpose", rng.choice(["移工 Employed", "依親 Family", "就學 Study"])),
                 ("統一證號 UI No.", uid)]:
        p.t(50, y, k, 26, fill=(90, 80, 120)); p.t(50, y + 32, v, 34, "bold" if "UI" in k else "sans"); y += 84
    return dict(img=p.im, base="photo", doc="resident_permit", types=["tw_resident_id", "person_name", "birth_date"],
                note="居留證正面：外籍人士姓名、出生日期、統一證號（新式，檢核碼有效）", ids=[("tw_resident_id", uid)])


def f_passport(rng):
    nm, en, sex = name(rng)
    nid = make_id(rng, None, str(sex))
    pno = "3" + "".join(rng.choice("0123456789") for _ in range(8))
    by, bm, bd = rng.randint(1960, 2004), rng.randint(1, 12), rng.randint(1, 28)
    ey = rng.randint(2027, 2035)
    sur, gv = en.split(", ")
    p = Page(1400, 980, (238, 236, 226))
    p.t(700, 50, "中華民國 REPUBLIC OF CHINA (TAIWAN)   護照 PASSPORT", 34, "bold", fill=(40, 40, 90), anchor="mm")
    p.photo_box((60, 120, 380, 520), rng.randint(0, 99))
    rows = [("Type 型式", "P"), ("Passport No. 護照號碼", pno), ("Surname 姓", sur), ("Given names 名", gv),
            ("中文姓名", nm), ("Date of birth 出生日期", f"{bd:02d} {['JAN','FEB','MAR','APR','MAY','JUN','JUL','AUG','SEP','OCT','NOV','DEC'][bm-1]} {by}"),
            ("Sex 性別", "M" if sex == 1 else "F"), ("Personal Id. No. 身分證號", nid),
            ("Date of expiry 效期截止日", f"{rng.randint(1, 28):02d} JUN {ey}")]
    y = 110
    for k, v in rows:
        p.t(430, y, k, 26, fill=(90, 90, 110)); p.t(430, y + 30, v, 32, "bold"); y += 78
    dob = f"{by % 100:02d}{bm:02d}{bd:02d}"; exp = f"{ey % 100:02d}0615"
    pn = (nid + "<" * 14)[:14]
    l1 = (f"P<TWN{sur}<<{gv.replace('-', '<')}" + "<" * 44)[:44]
    core = pno + mrz_cd(pno) + "TWN" + dob + mrz_cd(dob) + ("M" if sex == 1 else "F") + exp + mrz_cd(exp) + pn + mrz_cd(pn)
    l2 = core + mrz_cd(pno + mrz_cd(pno) + dob + mrz_cd(dob) + exp + mrz_cd(exp) + pn + mrz_cd(pn))
    p.rect((0, 820, 1400, 980), fill=(244, 244, 236), outline=(244, 244, 236))
    p.t(40, 835, l1, 40, "mono"); p.t(40, 900, l2, 40, "mono")
    return dict(img=p.im, base="photo", doc="passport_data_page",
                types=["passport_number", "person_name", "birth_date", "tw_national_id"],
                note="護照資料頁含 MRZ：護照號碼、中英文姓名、出生日期、身分證號", ids=[("tw_national_id", nid), ("passport_number", pno)])


def f_household(rng):
    c, addr = address(rng)
    members = []
    for rel in ["戶長", "配偶", "長子", "長女"][:rng.randint(2, 4)]:
        nm, _, sex = name(rng)
        by, bm, bd = roc_date(rng, 40, 105)
        members.append((rel, nm, fmt_roc(by, bm, bd), make_id(rng, CITY_LETTER.get(c), str(sex))))
    rows = [("稱謂", "姓名", "出生日期", "統一編號")] + members
    im = doc_page("戶籍謄本（現戶部分）", [("kv", [("戶號", f"F{rng.randint(10**6, 10**7-1)}"), ("住址", addr)]),
                                        ("table", ([1, 1.4, 2, 1.8], rows)),
                                        ("p", f"本謄本係依據戶籍資料列印，{c}{rng.choice(['中正', '中山', '大安', '東區'])}戶政事務所。"),
                                        ("sig", f"列印日期：{fmt_roc(Y, 11, rng.randint(1, 28))}")],
                  rng, stamp="戶政事務所印", serif=True)
    return dict(img=im, base=rng.choice(["scan", "photo"]), doc="household_register",
                types=["person_name", "birth_date", "tw_national_id", "address"],
                note="戶籍謄本：全戶姓名、出生日期、身分證號與住址", ids=[("tw_national_id", m[3]) for m in members])


def f_query_screen(rng):
    nm, _, sex = name(rng)
    c, addr = address(rng)
    nid = make_id(rng, CITY_LETTER.get(c), str(sex))
    by, bm, bd = roc_date(rng)
    rows = [("#", "個人基本資料"), ("姓名", nm), ("統一編號", nid), ("出生日期", fmt_roc(by, bm, bd)),
            ("戶籍地址", addr), ("行動電話", mobile(rng)), ("#", "查詢紀錄"),
            ("查詢人員", f"{rng.choice(SUR)[0]}○○（{rng.randint(1000, 9999)}）"), ("查詢事由", rng.choice(["陳情案查證", "案件調查", "業務需要"]))]
    im = phone_screen(rng.choice(["戶役政資訊系統", "民眾資料查詢", "個案管理系統"]), rows, rng, mono=True)
    return dict(img=im, base=rng.choice(["screenshot", "screen_photo"]), doc="query_system_screen",
                types=["person_name", "tw_national_id", "birth_date", "address", "phone_number"],
                note="查詢系統畫面截圖：特定民眾的身分證號、出生日期、住址、手機", ids=[("tw_national_id", nid)])


def f_travel_query(rng):
    nm, en, sex = name(rng)
    nid = make_id(rng, None, str(sex))
    pno = "3" + "".join(rng.choice("0123456789") for _ in range(8))
    rows = [("日期", "出/入", "港口", "航班")]
    for _ in range(rng.randint(4, 7)):
        rows.append((f"{rng.randint(2023, 2026)}/{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}", rng.choice(["出境", "入境"]),
                     rng.choice(["桃園機場", "松山機場", "高雄機場", "金門水頭"]), rng.choice(["CI", "BR", "JX", "IT"]) + str(rng.randint(100, 999))))
    im = doc_page("入出境紀錄查詢結果", [("kv", [("姓名", f"{nm}（{en}）"), ("身分證號", nid), ("護照號碼", pno)]),
                                   ("table", ([2, 1, 1.5, 1.2], rows)), ("sig", f"查詢時間 {Y}/11/{rng.randint(10, 30)} 14:{rng.randint(10, 59)}")],
                  rng, w=1200, h=1400, org="入出國及移民資訊系統")
    return dict(img=im, base=rng.choice(["screen_photo", "screenshot", "photo"]), doc="travel_record_query",
                types=["travel_record", "person_name", "tw_national_id", "passport_number"],
                note="入出境紀錄查詢結果：個人入出境日期航班＋身分證號、護照號碼", ids=[("tw_national_id", nid), ("passport_number", pno)])


def f_criminal_query(rng):
    nm, _, sex = name(rng)
    nid = make_id(rng, None, str(sex))
    rows = [("案由", "判決日期", "刑度")]
    for _ in range(rng.randint(2, 4)):
        rows.append((rng.choice(["竊盜", "公共危險（酒駕）", "詐欺", "毒品危害防制條例", "傷害"]),
                     f"{rng.randint(100, 114)}/{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}",
                     rng.choice(["有期徒刑6月", "拘役50日", "有期徒刑1年2月", "緩刑2年"])))
    im = phone_screen("刑案資訊系統", [("#", "前科紀錄查詢"), ("姓名", nm), ("身分證號", nid)] +
                      [("#", "紀錄")] + [(r[0], f"{r[1]}　{r[2]}") for r in rows[1:]], rng, head=(60, 60, 70))
    return dict(img=im, base=rng.choice(["screenshot", "screen_photo"]), doc="criminal_record_query",
                types=["criminal_record", "person_name", "tw_national_id"],
                note="前科紀錄查詢畫面：具名個人之判決案由與刑度", ids=[("tw_national_id", nid)])


def f_warrant(rng):
    nm, _, sex = name(rng)
    nid = make_id(rng, None, str(sex))
    c, addr = address(rng)
    kind = rng.choice(["拘票", "搜索票"])
    by, bm, bd = roc_date(rng, 50, 90)
    if kind == "拘票":
        blocks = [("kv", [("被告姓名", nm), ("性別", "男" if sex == 1 else "女"), ("出生日期", fmt_roc(by, bm, bd)),
                          ("身分證號", nid), ("住居所", addr), ("案由", rng.choice(["詐欺", "違反毒品危害防制條例", "背信", "洗錢防制法"])),
                          ("拘提理由", "經合法傳喚無正當理由不到場"), ("應解送處所", f"臺灣{c[:2]}地方檢察署")])]
    else:
        blocks = [("kv", [("受搜索人", nm), ("身分證號", nid), ("搜索處所", addr), ("應扣押之物", "帳冊、手機、電腦及相關證物"),
                          ("有效期間", f"至{fmt_roc(*future_date(rng))}止")])]
    blocks += [("p", "執行人員應於執行後，將執行情形陳報核發之法官／檢察官。偵查不公開。"), ("sig", f"檢察官　{rng.choice(SUR)[0]}○○")]
    im = doc_page(kind, blocks, rng, org=f"臺灣{c[:2]}地方檢察署", stamp="檢察署印", serif=True)
    return dict(img=im, base=rng.choice(["photo", "scan"]), doc="warrant",
                types=["warrant", "person_name", "tw_national_id", "address", "investigation_secret"],
                note=f"{kind}實本：被拘提/搜索人姓名、身分證號、住址、案由（偵查中）", ids=[("tw_national_id", nid)])


def f_classified(rng):
    mark = rng.choice([["密"], ["限閱"], ["密", "限閱"], ["機密"]])
    subj = rng.choice([
        ("專案偵辦進度報告", ["investigation_secret"], [("p", f"本案對象{rng.choice(COMPANIES)}負責人涉嫌違反政府採購法，擬於{future_date(rng)[1]}月{future_date(rng)[2]}日會同調查站執行搜索，現正監控資金流向。")]),
        ("人事甄審委員會會議紀錄", ["personnel_secret"], [("p", "本次陞遷甄審候選人排序結果，於核定發布前不得外洩。"),
                                                   ("table", ([1, 1.5, 1], [("序", "候選人", "總分")] + [(i + 1, name(rng)[0], f"{rng.randint(70, 95)}.{rng.randint(0, 9)}") for i in range(4)]))]),
        ("年度專案稽查計畫（草案）", ["inspection_plan"], [("p", f"預定於{Y}年12月{rng.randint(8, 28)}日起針對轄內{rng.randint(5, 20)}家業者進行不預警稽查，名單如附件，請勿對外透露。")]),
    ])
    blocks = [("kv", [("發文字號", f"{rng.choice(['中市環', '新北衛', '高市警'])}字第{rng.randint(1140000000, 1149999999)}號"),
                      ("保密期限", "至本案結案後解密")])] + subj[2]
    blocks.append(("p", "本件屬機密文書，僅供承辦人員參閱，禁止複製、拍照、轉傳。"))
    im = doc_page(subj[0], blocks, rng, marks=mark, org=rng.choice(AGENCIES))
    types = ["classified_marking"] + subj[1] + (["person_name"] if subj[1] == ["personnel_secret"] else [])
    return dict(img=im, base=rng.choice(["photo", "scan", "photo"]), doc="classified_document", types=types,
                note=f"標示「{'／'.join(mark)}」之公文頁，內容為{subj[0]}", ids=[])


def f_bid_sheet(rng):
    case = rng.choice(["115年度辦公廳舍整修工程", "資訊設備汰換採購案", "道路養護開口契約", "清潔勞務委外案"])
    open_d = future_date(rng)
    if rng.random() < 0.5:
        rows = [("廠商名稱", "領標日期", "投標狀態")] + [(c, f"12/{rng.randint(1, 3)}", rng.choice(["已投標", "已領標"])) for c in rng.sample(COMPANIES, 4)]
        blocks = [("p", f"標案：{case}　開標日期：{open_d[1]}月{open_d[2]}日 10:00"), ("table", ([3, 1.3, 1.3], rows)),
                  ("p", "※本名單於開標前應保密，不得洩漏領標、投標廠商名稱及家數。")]
        title = "領標／投標廠商名單（開標前）"
    else:
        base = rng.randint(300, 5000)
        blocks = [("kv", [("標案名稱", case), ("預算金額", f"{base * 1.1:,.0f}萬元"), ("核定底價", f"{base:,}萬元"),
                          ("開標日期", f"{Y}年{open_d[1]}月{open_d[2]}日")]),
                  ("p", "底價於決標前應予保密（政府採購法第34條）。"), ("sig", "核定人：機關首長")]
        title = "底價核定單"
    im = doc_page(title, blocks, rng, org=rng.choice(AGENCIES), marks=["密"] if rng.random() < .4 else None)
    return dict(img=im, base=rng.choice(["photo", "scan"]), doc="bid_sheet_pre_opening", types=["procurement_secret"],
                note=f"{title}，開標日在未來（{open_d[1]}/{open_d[2]}），屬採購保密資訊", ids=[])


def f_appraisal(rng):
    rows = [("姓名", "職稱", "初評", "考績等次")]
    for _ in range(rng.randint(5, 8)):
        rows.append((name(rng)[0], rng.choice(["科員", "專員", "技士", "辦事員", "股長"]), rng.randint(68, 94), rng.choice(["甲", "甲", "乙", "丙"])))
    im = doc_page(f"{Y}年度考績委員會初評名冊", [("p", "考績結果核定前，依公務人員考績法第20條應嚴守秘密。"),
                                              ("table", ([1.4, 1.1, .8, 1], rows))],
                  rng, org=rng.choice(AGENCIES), marks=["密"] if rng.random() < .5 else None)
    return dict(img=im, base=rng.choice(["photo", "scan", "photo"]), doc="appraisal_score_sheet",
                types=["personnel_secret", "person_name"],
                note="考績初評名冊：具名同仁之分數與等次，核定前", ids=[])


def f_inspection_list(rng):
    rows = [("日期", "時間", "對象", "地址")]
    for _ in range(rng.randint(4, 6)):
        d = future_date(rng)
        rows.append((f"{d[1]}/{d[2]}", f"{rng.randint(9, 22)}:00", rng.choice(STORES), address(rng)[1][6:18]))
    kind = rng.choice(["doc", "slide"])
    if kind == "doc":
        im = doc_page("不預警聯合稽查勤務表", [("p", "下列場所排定聯合稽查，請各組依時集合，勿事先通知業者。"),
                                          ("table", ([.8, .8, 1.6, 2.6], rows))], rng, org=rng.choice(AGENCIES))
        base = rng.choice(["photo", "scan"])
    else:
        im = slide("下週稽查對象與時程", [f"{r[0]} {r[1]}  {r[2]}" for r in rows[1:]] + ["各組勿事先通知業者"], rng)
        base = "screen_photo"
    return dict(img=im, base=base, doc="inspection_target_list", types=["inspection_plan"],
                note="未來日期的稽查對象與時間表（尚未執行）", ids=[])


def f_medical(rng):
    nm, _, sex = name(rng)
    nid = make_id(rng, None, str(sex))
    by, bm, bd = roc_date(rng, 30, 90)
    dx = rng.choice(["第二型糖尿病", "重度憂鬱症", "慢性腎臟病第三期", "HIV感染", "思覺失調症", "乳癌第二期"])
    im = doc_page("門診病歷摘要", [("kv", [("病歷號", f"{rng.randint(10**7, 10**8-1)}"), ("姓名", nm), ("身分證號", nid),
                                         ("出生日期", fmt_roc(by, bm, bd)), ("診斷", dx),
                                         ("處置", rng.choice(["藥物治療，四週後回診", "轉介身心科", "安排住院評估"]))]),
                                 ("p", "主訴：近兩週症狀加劇，夜間睡眠不佳。")], rng, org=rng.choice(["臺大醫院", "榮民總醫院", "市立聯合醫院"]) + "　門診部")
    return dict(img=im, base=rng.choice(["photo", "scan"]), doc="medical_record",
                types=["health_info", "person_name", "tw_national_id", "birth_date"],
                note=f"病歷摘要：具名病人之診斷（{dx}）與身分證號", ids=[("tw_national_id", nid)])


def f_chat_pii(rng):
    nm, _, sex = name(rng)
    nid = make_id(rng, None, str(sex))
    c, addr = address(rng)
    ph = mobile(rng)
    v = rng.randint(0, 3)
    types = ["person_name"]
    ids = []
    if v == 0:
        msgs = [("L", "承辦 小李", "那個來電的民眾資料誰有？"), ("R", "", f"{nm} {nid}"), ("R", "", f"電話 {ph}"),
                ("L", "承辦 小李", "收到 我再回電")]
        types += ["tw_national_id", "phone_number"]; ids = [("tw_national_id", nid)]
    elif v == 1:
        msgs = [("L", "股長", "明天要去訪視的個案地址？"), ("R", "", f"{nm}，住{addr}"), ("R", "", f"手機{ph}，白天比較找得到"), ("L", "股長", "OK")]
        types += ["address", "phone_number"]
    elif v == 2:
        sp = " ".join([nid[:1], nid[1:4], nid[4:7], nid[7:]])
        msgs = [("L", "同事阿明", "幫我查一下這位"), ("L", "同事阿明", nm), ("L", "同事阿明", sp), ("R", "", "好，等我一下")]
        types += ["tw_national_id"]; ids = [("tw_national_id", nid)]
    else:
        msgs = [("L", "櫃台", f"剛剛辦證的{nm}忘了拿證件"), ("L", "櫃台", f"他身分證 {nid[:5]}"), ("L", "櫃台", nid[5:]),
                ("R", "", f"我打給他 {ph.replace('-', '')}")]
        types += ["tw_national_id", "phone_number"]; ids = [("tw_national_id", nid)]
    im = chat_screen(rng.choice(["業務聯繫群", "科室工作群組", "第三股"]), msgs, rng)
    return dict(img=im, base=rng.choice(["chat_screenshot", "chat_screenshot", "screen_photo"]), doc="chat_personal_data",
                types=types, note=["群組貼出民眾姓名＋身分證號＋電話", "群組告知個案姓名、住址、手機", "身分證號以空格分段貼出",
                                   "身分證號拆成兩則訊息＋手機號"][v], ids=ids)


def f_chat_matter(rng):
    v = rng.randint(0, 4)
    d = future_date(rng)
    if v == 0:
        st = rng.choice(STORES)
        msgs = [("L", "組長", f"{d[1]}/{d[2]}晚上十點去{st}，先別跟店家講"), ("L", "組長", "集合地點分局前面"), ("R", "", "收到")]
        t = ["inspection_plan"]; n = "群組透露未來稽查對象與時間（無『機密』字樣）"
    elif v == 1:
        nm = name(rng)[0]; ph = mobile(rng)
        msgs = [("L", "同事", f"{rng.choice(STORES)}那件是誰檢舉的？"), ("R", "", f"隔壁的{nm}啊，電話{ph}"), ("L", "同事", "難怪老闆一直問")]
        t = ["whistleblower_identity", "person_name", "phone_number"]; n = "群組說出檢舉人姓名與電話"
    elif v == 2:
        msgs = [("L", "採購承辦", "那個整修案目前三家投標"), ("L", "採購承辦", f"{rng.choice(COMPANIES)}報最低，{rng.randint(500, 900)}萬"),
                ("R", "", f"開標是{d[1]}/{d[2]}嗎"), ("L", "採購承辦", "對")]
        t = ["procurement_secret"]; n = "開標前透露投標家數、廠商與標價"
    elif v == 3:
        nm = name(rng)[0]
        msgs = [("L", "學長", f"{nm}那案子下禮拜{rng.choice(['二', '三', '四'])}要搜了"), ("L", "學長", "票已經核下來"), ("R", "", "他家那邊要幾個人？")]
        t = ["investigation_secret", "person_name", "warrant"]; n = "群組透露偵查對象與搜索時程"
    else:
        nm = name(rng)[0]
        msgs = [("L", "人事", f"偷偷講，這次升股長的是{nm}"), ("L", "人事", "考績會還沒公告喔"), ("R", "", "真的假的")]
        t = ["personnel_secret", "person_name"]; n = "陞遷結果於公告前在群組透露"
    im = chat_screen(rng.choice(["外勤小組", "好同事聊天", "科內群組", "採購組"]), msgs, rng)
    return dict(img=im, base=rng.choice(["chat_screenshot", "chat_screenshot", "screen_photo"]), doc="chat_confidential_matter",
                types=t, note=n, ids=[])


def f_passbook(rng):
    nm = name(rng)[0]
    bank = rng.choice([("004", "臺灣銀行"), ("005", "土地銀行"), ("700", "中華郵政"), ("812", "台新銀行"), ("822", "中國信託")])
    acct = "".join(rng.choice("0123456789") for _ in range(rng.choice([12, 14])))
    p = card_base(1100, 760, (250, 246, 236))
    p.t(550, 80, f"{bank[1]}　存摺", 48, "bold", fill=(120, 30, 30), anchor="mm")
    p.t(80, 200, "戶名", 32, fill=(100, 100, 100)); p.t(240, 190, nm, 48, "serifb")
    p.t(80, 300, "帳號", 32, fill=(100, 100, 100)); p.t(240, 292, f"{acct[:3]}-{acct[3:6]}-{acct[6:]}", 44, "mono")
    p.t(80, 400, "分行", 32, fill=(100, 100, 100)); p.t(240, 392, f"{rng.choice(['城中', '板橋', '中壢', '台中', '苓雅'])}分行（{bank[0]}）", 40)
    p.barcode(80, 560, 600, 90, rng)
    return dict(img=p.im, base="photo", doc="bank_passbook_cover", types=["bank_account", "person_name"],
                note="存摺封面：戶名與完整帳號", ids=[("bank_account", acct)])


def f_credit_card(rng):
    nm, en, _ = name(rng)
    cc = make_card(rng)
    p = card_base(1000, 630, rng.choice([(30, 50, 90), (20, 20, 24), (120, 100, 40)]))
    p.t(60, 60, rng.choice(["國泰世華", "玉山銀行", "台新銀行", "中國信託"]), 40, "bold", fill=(240, 240, 240))
    p.rect((80, 180, 220, 280), fill=(210, 180, 90), outline=(160, 130, 60), r=14)
    p.t(70, 340, " ".join(cc[i:i + 4] for i in range(0, 16, 4)), 62, "mono", fill=(245, 245, 245))
    p.t(70, 450, f"VALID THRU {rng.randint(1, 12):02d}/{rng.randint(27, 31)}", 30, "mono", fill=(230, 230, 230))
    p.t(70, 520, en.replace(",", ""), 38, "mono", fill=(245, 245, 245))
    p.t(930, 560, "VISA" if cc[0] == "4" else "Mastercard", 40, "bold", fill=(250, 250, 250), anchor="rm")
    return dict(img=p.im, base="photo", doc="credit_card", types=["credit_card", "person_name"],
                note="信用卡正面：完整卡號（Luhn 有效）、持卡人英文姓名", ids=[("credit_card", cc)])


def f_petition(rng):
    nm, _, _ = name(rng)
    c, addr = address(rng)
    ph = mobile(rng)
    im = doc_page("人民陳情案件登記表", [("kv", [("收文日期", fmt_roc(Y, 11, rng.randint(1, 28))), ("陳情人", nm), ("聯絡電話", ph),
                                            ("通訊地址", addr), ("被陳情對象", rng.choice(STORES)),
                                            ("陳情內容", rng.choice(["夜間噪音擾鄰", "排放廢水", "違規營業", "違建占用騎樓"])),
                                            ("是否同意公開身分", "□同意　■不同意")]),
                                   ("p", "本案依行政院及所屬各機關處理人民陳情案件要點辦理。")], rng, org=rng.choice(AGENCIES))
    return dict(img=im, base=rng.choice(["photo", "scan"]), doc="petition_form",
                types=["whistleblower_identity", "person_name", "phone_number", "address"],
                note="已填寫之陳情登記表：陳情人姓名、電話、住址與被陳情對象", ids=[])


def f_vehicle(rng):
    nm = name(rng)[0]
    c, addr = address(rng)
    plate = f"{''.join(rng.choice('ABCDEFGHJKLMNPQRSTUVWXYZ') for _ in range(3))}-{rng.randint(1000, 9999)}"
    im = phone_screen("車籍資料查詢", [("#", "查詢結果"), ("車牌號碼", plate), ("車主姓名", nm), ("車主地址", addr),
                                   ("廠牌車型", rng.choice(["TOYOTA ALTIS", "HONDA CR-V", "MAZDA 3", "三陽 機車"])),
                                   ("出廠年月", f"{rng.randint(2012, 2024)}/{rng.randint(1, 12):02d}")], rng, head=(20, 100, 80))
    return dict(img=im, base=rng.choice(["screenshot", "screen_photo"]), doc="vehicle_owner_query",
                types=["license_plate", "person_name", "address"], note="車籍查詢畫面：私人車牌連結車主姓名與住址", ids=[])


def f_email_list(rng):
    rows = [("姓名", "電話", "Email")]
    for _ in range(rng.randint(5, 7)):
        nm, en, _ = name(rng)
        rows.append((nm, mobile(rng, ""), en.split(", ")[1].lower().replace("-", "") + str(rng.randint(1, 99)) + rng.choice(["@gmail.com", "@yahoo.com.tw", "@hotmail.com"])))
    im = doc_page("研習報名民眾名冊", [("table", ([1, 1.3, 2.4], rows))], rng, w=1400, h=1000)
    return dict(img=im, base=rng.choice(["screen_photo", "screenshot"]), doc="citizen_contact_list",
                types=["person_name", "phone_number", "email"], note="民眾報名名冊：姓名、手機、個人 email", ids=[])


def f_whiteboard_raid(rng):
    d = future_date(rng)
    st = rng.choice(STORES)
    lines = [f"{d[1]}/{d[2]} 專案勤務", f"目標：{st}（{address(rng)[1][6:16]}）", f"{rng.randint(1, 5)}:30 分局集合，{rng.randint(2, 5)}:00 進場",
             f"A組 後門　B組 正門", "勿外洩！！"]
    return dict(img=whiteboard(lines, rng), base="photo", doc="whiteboard_raid_plan",
                types=["investigation_secret", "inspection_plan"], note="白板寫著未來專案勤務目標（店家與地點）與進場時間", ids=[])


def f_sticky(rng):
    nm, _, sex = name(rng)
    nid = make_id(rng, None, str(sex))
    p = Page(1000, 1000, (250, 236, 120))
    lines = [nm, " ".join(nid), mobile(rng, " "), "回電確認補件"]
    y = 140
    for l in lines:
        p.t(80, y, l, 64, "hand", fill=(20, 30, 90)); y += 160
    return dict(img=p.im, base="photo", doc="sticky_note", types=["person_name", "tw_national_id", "phone_number"],
                note="便利貼手寫民眾姓名、逐字分開的身分證號與手機", ids=[("tw_national_id", nid)])

# ---------- ALLOW generators ------------------------------------------------------------
def a_specimen_id(rng):
    p = card_base(bg=(226, 238, 232))
    p.t(500, 60, "中華民國國民身分證", 44, "bold", fill=(40, 80, 60), anchor="mm")
    p.photo_box((640, 120, 930, 480), 7)
    p.t(50, 140, "姓名", 30, fill=(60, 90, 70)); p.t(160, 130, rng.choice(["陳筱玲", "王小明", "林大華"]), 52, "serifb")
    p.t(50, 230, "出生", 30, fill=(60, 90, 70)); p.t(160, 226, "民國72年1月1日", 34)
    p.t(50, 520, "統一編號", 30, fill=(60, 90, 70)); p.t(220, 505, "A123456789", 54, "bold", fill=(160, 20, 20))
    p.watermark(rng.choice(["樣本", "SPECIMEN", "樣張 SPECIMEN"]), 130, alpha=150, angle=rng.choice([20, 28, -20]))
    return dict(img=p.im, base=rng.choice(["photo", "slide_embed"]), doc="specimen_id_card", hard=True,
                note="身分證樣本（浮水印 樣本/SPECIMEN，公開範例號 A123456789），非真實個人", ids=[("specimen_id", "A123456789")])


def a_sample_form(rng):
    kind = rng.choice(["戶籍登記申請書", "補發國民身分證申請書", "低收入戶申請表", "停車位租用申請書", "志工報名表"])
    im = doc_page(kind + "（填寫範例）", [("kv", [("申請人姓名", "王小明"), ("身分證統一編號", "A123456789"), ("出生日期", "民國80年1月1日"),
                                              ("聯絡電話", "0912-345-678"), ("地址", "○○市○○區○○路○段○號"), ("申請事由", "遺失補發")]),
                                       ("p", "※本頁為填寫範例，請依實際資料填寫，勿照抄範例內容。"), ("sig", "申請人：王小明（簽章）")],
                  rng, wm=("填寫範例", 150), org=rng.choice(AGENCIES))
    return dict(img=im, base=rng.choice(["photo", "scan", "screenshot_doc"]), doc="form_filled_example", hard=True,
                note="標示「填寫範例」之表單，使用範例姓名王小明與公開範例號，地址為○○", ids=[("specimen_id", "A123456789")])


def a_blank_form(rng):
    kind = rng.choice(["人民陳情案件登記表", "個人資料調閱申請單", "監視器影像調閱申請單", "國民身分證申請書", "出差申請單", "財產移動單"])
    fields = rng.sample(["姓名", "身分證統一編號", "出生日期", "聯絡電話", "通訊地址", "電子郵件", "申請事由", "調閱期間", "承辦人", "單位主管"], 7)
    im = doc_page(kind, [("kv", [(f, "") for f in fields]), ("p", "本表蒐集之個人資料，僅供本案使用，依個人資料保護法第8條告知。"),
                         ("sig", "申請人簽章：＿＿＿＿＿＿")], rng, org=rng.choice(AGENCIES))
    return dict(img=im, base=rng.choice(["scan", "photo"]), doc="blank_form", hard=True,
                note="空白表單：欄位名含身分證號/電話/地址但皆未填", ids=[])


def a_letter(rng):
    ag = rng.choice(AGENCIES)
    off = rng.choice(SUR)[0] + rng.choice(GIV)[0]
    subj = rng.choice([f"檢送本局{Y}年度內部稽核計畫執行情形報告1份，請查照。", f"有關{Y}年度食品衛生稽查成果，業已公布於本局網站，請查照。",
                       f"函轉法務部廉政署「公務機密維護宣導」資料，請加強宣導。", "訂於12月15日辦理個人資料保護稽核說明會，請派員參加。",
                       "有關本府各機關辦理採購稽核小組審查結果，請查照。"])
    im = doc_page("函", [("kv", [("地址", f"{ag[:3]}{rng.choice(ROADS)}{rng.randint(1, 300)}號"), ("承辦人", f"{off}"),
                                 ("電話", f"{office_phone(rng)} 分機{rng.randint(100, 9999)}"), ("傳真", office_phone(rng)),
                                 ("電子信箱", f"{rng.choice(['audit', 'ethics', 'gs', 'admin'])}{rng.randint(1, 99)}@{rng.choice(['mail', 'gov'])}.{rng.choice(['taichung', 'ntpc', 'kcg', 'tainan'])}.gov.tw")]),
                         ("p", f"受文者：{rng.choice(AGENCIES)}"), ("p", f"發文日期：中華民國{Y}年11月{rng.randint(1, 30)}日"),
                         ("p", f"發文字號：{ag[:2]}字第{rng.randint(1140000000, 1149999999)}號　速別：普通件　密等及解密條件：普通"),
                         ("h", "主旨：" + subj[:24]), ("p", subj[24:] or "請查照。"),
                         ("p", "說明：一、依本府相關規定辦理。二、洽詢請撥1999市民當家熱線或本局承辦人分機。")],
                  rng, org=ag, serif=True, stamp=f"{ag[-4:]}")
    return dict(img=im, base=rng.choice(["scan", "photo", "screenshot_doc"]), doc="official_letter", hard=True,
                note="一般公文：承辦人姓名與公務電話分機、機關信箱，主旨含稽核/稽查字樣但無機密內容；密等標『普通』", ids=[])


def a_public_notice(rng):
    ag = rng.choice(AGENCIES)
    subj = rng.choice(["本轄區自來水管線汰換工程停水公告", "年終環境大掃除資源回收時間調整公告", "本局服務台遷移公告", "民眾陳情檢舉管道公告"])
    im = doc_page("公告", [("p", f"發文日期：中華民國{Y}年11月{rng.randint(1, 30)}日"), ("h", "主旨：" + subj),
                         ("p", "公告事項：一、自12月1日起實施。二、民眾如有疑問，請撥打1999市民專線或本局服務電話 "
                               f"{office_phone(rng)}，分機{rng.randint(100, 999)}。三、陳情檢舉人身分依法保密。"),
                         ("sig", f"局長　{rng.choice(SUR)[0]}{rng.choice(GIV)[0]}")], rng, org=ag, serif=True)
    return dict(img=im, base=rng.choice(["photo", "scan"]), doc="public_notice", hard=True,
                note="機關公告：首長姓名、1999 與總機分機，屬公開資訊", ids=[])


def a_insp_results(rng):
    rows = [("業者名稱", "稽查日期", "結果", "處分")]
    for s in rng.sample(STORES, 5):
        d = past_date(rng)
        rows.append((s, f"{d[0]}/{d[1]:02d}/{d[2]:02d}", rng.choice(["合格", "不合格", "限期改善"]), rng.choice(["—", "罰鍰6萬元", "限期改善"])))
    im = doc_page(f"{Y}年度第三季稽查結果公布", [("p", "依食品安全衛生管理法及相關規定，公布本季稽查結果如下："),
                                           ("table", ([2, 1.4, 1.1, 1.2], rows)), ("p", "本資料已公布於本局網站。")],
                  rng, org=rng.choice(AGENCIES))
    return dict(img=im, base=rng.choice(["screenshot_doc", "photo", "screen_photo"]), doc="published_inspection_results", hard=True,
                note="已公布之稽查結果（日期皆在過去、業者為公司行號）", ids=[])


def a_award_notice(rng):
    case = rng.choice(["114年度辦公廳舍整修工程", "資訊設備汰換採購案", "道路養護開口契約", "清潔勞務委外案"])
    d = past_date(rng)
    im = doc_page("決標公告", [("kv", [("標案案號", f"{Y}A{rng.randint(100, 999)}"), ("標案名稱", case), ("決標日期", f"{d[0]}/{d[1]:02d}/{d[2]:02d}"),
                                    ("投標廠商家數", str(rng.randint(2, 6))), ("得標廠商", rng.choice(COMPANIES)),
                                    ("決標金額", f"{rng.randint(300, 5000):,}萬元"), ("底價金額", f"{rng.randint(300, 5000):,}萬元"),
                                    ("聯絡人", f"{rng.choice(SUR)[0]}先生 {office_phone(rng)}#{rng.randint(100, 999)}")])],
                  rng, org=rng.choice(AGENCIES))
    return dict(img=im, base=rng.choice(["screenshot_doc", "screen_photo", "photo"]), doc="award_notice", hard=True,
                note="已決標之決標公告（底價、家數於決標後公開）", ids=[])


def a_personnel_order(rng):
    rows = [("姓名", "原職", "新職", "生效日")]
    for _ in range(rng.randint(3, 5)):
        rows.append((name(rng)[0], rng.choice(["科員", "專員", "股長"]), rng.choice(["股長", "科長", "專門委員"]), f"{Y}/{rng.randint(9, 11)}/01"))
    im = doc_page("人事命令（公告）", [("p", "下列人員職務調整，業經核定發布："), ("table", ([1.2, 1, 1.2, 1.1], rows))],
                  rng, org=rng.choice(AGENCIES))
    return dict(img=im, base=rng.choice(["scan", "photo", "screenshot_doc"]), doc="personnel_order_published", hard=True,
                note="已核定發布之人事命令（公務員姓名與職務異動，已生效）", ids=[])


def a_ticket(rng):
    hsr = rng.random() < 0.5
    p = Page(1100, 620, (248, 226, 200) if hsr else (232, 238, 248))
    p.rect((3, 3, 1096, 616), outline=(150, 120, 90), width=3, r=16)
    p.t(40, 40, "台灣高鐵 Taiwan High Speed Rail" if hsr else "臺灣鐵路 車票", 36, "bold", fill=(160, 70, 20) if hsr else (20, 60, 140))
    st = rng.sample(["臺北", "板橋", "桃園", "新竹", "臺中", "嘉義", "臺南", "左營"], 2)
    p.t(60, 130, f"{st[0]}  →  {st[1]}", 60, "bold")
    p.t(60, 230, f"{Y + 1911}/12/{rng.randint(1, 28):02d}  {rng.randint(6, 22):02d}:{rng.randint(0, 59):02d}", 38)
    p.t(60, 300, f"車次 {rng.randint(100, 899)}　{rng.randint(1, 12)}車 {rng.randint(1, 20)}{rng.choice('ABCDE')}", 34)
    p.t(60, 370, f"NT$ {rng.choice([290, 700, 1350, 1530])}　{rng.choice(['全票', '公務票', '早鳥65折'])}", 34)
    p.t(60, 450, f"{''.join(rng.choice('0123456789') for _ in range(13))}", 32, "mono")
    p.t(60, 510, f"{''.join(rng.choice('0123456789') for _ in range(4))}-{''.join(rng.choice('0123456789') for _ in range(4))}-{''.join(rng.choice('0123456789') for _ in range(5))}", 32, "mono")
    p.qr(820, 250, 230, rng)
    return dict(img=p.im, base="photo", doc="train_ticket", hard=True,
                note="火車/高鐵票：大量數字（票號、交易序號），無個資", ids=[])


def a_invoice(rng):
    p = Page(760, 1450, (253, 253, 253))
    shop = rng.choice(SHOPS + ["全家便利商店", "7-ELEVEN"])
    p.t(380, 60, shop, 40, "bold", anchor="ma")
    p.t(380, 130, "電子發票證明聯", 44, "bold", anchor="ma")
    p.t(380, 200, f"{Y}年{rng.choice(['11-12', '09-10'])}月", 40, "bold", anchor="ma")
    p.t(380, 260, f"{''.join(rng.choice('ABCDEFGHJKLMNPQRSTUVWXYZ') for _ in range(2))}-{rng.randint(10**7, 10**8-1)}", 46, "bold", anchor="ma")
    p.t(60, 340, f"{Y + 1911}-12-{rng.randint(1, 3):02d} {rng.randint(8, 20):02d}:{rng.randint(0, 59):02d}", 28)
    p.t(60, 385, f"隨機碼 {rng.randint(1000, 9999)}   總計 {rng.randint(35, 900)}", 28)
    p.t(60, 430, f"賣方 {rng.randint(10**7, 10**8-1)}", 28)
    p.barcode(60, 490, 640, 70, rng)
    p.qr(60, 600, 300, rng); p.qr(400, 600, 300, rng)
    y = 940
    for it in rng.sample(["鮪魚飯糰", "拿鐵咖啡", "茶葉蛋", "御飯糰", "礦泉水", "便當", "報紙"], 4):
        p.t(60, y, it, 30); p.t(700, y, str(rng.randint(15, 120)), 30, anchor="ra"); y += 52
    p.t(60, y + 20, f"統一編號：{rng.randint(10**7, 10**8-1)}（買方：機關）", 28)
    p.t(60, y + 80, "退貨憑電子發票證明聯正本辦理", 26, fill=(90, 90, 90))
    return dict(img=p.im, base=rng.choice(["photo", "scan"]), doc="invoice_receipt", hard=True,
                note="統一發票/收據：發票號碼、統編、隨機碼等數字，無個資", ids=[])


def a_parking(rng):
    ag = rng.choice(AGENCIES)
    plate = f"{rng.choice(['AMA', 'BFK', 'RBC', 'ABC'])}-{rng.randint(1000, 9999)}"
    p = Page(800, 1400, (255, 252, 240))
    p.t(400, 60, "路邊停車繳費通知單", 40, "bold", anchor="ma")
    y = 160
    for k, v in [("車號", plate), ("車種", "自用小客車（公務車）"), ("停車日期", f"{Y}/11/{rng.randint(1, 28)}"), ("時段", "09:12-11:40"),
                 ("金額", f"{rng.choice([40, 60, 80, 120])} 元"), ("繳費期限", f"{Y}/12/{rng.randint(10, 28)}"),
                 ("單號", "".join(rng.choice("0123456789") for _ in range(16)))]:
        p.t(60, y, k, 30, fill=(90, 90, 90)); p.t(260, y, v, 34 if k != "單號" else 30, "bold" if k == "車號" else "sans"); y += 80
    p.barcode(60, y + 20, 680, 90, rng)
    p.t(60, y + 150, f"備註：{ag} 公務車，由總務科統一繳納", 28)
    p.t(60, y + 210, "（請黏貼於核銷單）", 28, fill=(90, 90, 90))
    return dict(img=p.im, base="photo", doc="parking_ticket_agency_car", hard=True,
                note="機關公務車停車單：車牌屬機關車輛，無私人車主資訊", ids=[])


def a_training_slide(rng):
    topic = rng.choice([
        ("拘票與搜索票的保密義務", ["拘票、搜索票屬偵查資料，不得拍照轉傳", "  刑法第132條：洩漏國防以外秘密罪", "  刑事訴訟法第245條：偵查不公開",
                            "案例：將拘票翻拍傳給被告家屬，遭判刑", "原則：只在公務系統內傳遞"]),
        ("個資法重點", ["公務機關蒐集個資須有特定目的（第15條）", "利用應於執掌範圍內（第16條）", "違法利用致生損害可處刑（第41條）",
                   "  身分證號、病歷、犯罪前科皆屬個人資料", "傳送前先遮蔽：A12****789、王○明"]),
        ("公務機密等級", ["絕對機密、極機密、機密（國家機密）", "一般公務機密：標示「密」", "「限閱」文件僅限指定人員閱覽",
                    "  核定、標示、解密須依程序", "勿在 LINE 群組傳送任何標密文件"]),
        ("陳情檢舉人保護", ["檢舉人身分應予保密（處理人民陳情案件要點第18點）", "不得向被檢舉人透露檢舉人資料", "案例：承辦人告知店家檢舉人是誰，被移送",
                     "回覆函稿勿附檢舉人姓名電話"]),
        ("稽查作業保密", ["稽查時間、對象屬公務秘密", "不得事先通知受稽查對象", "案例：稽查名單誤傳，店家提前關門", "公布結果以機關網站為準"]),
    ])
    im = slide(topic[0], topic[1], rng, foot=f"{rng.choice(['政風室', '法制科', '資訊室'])} 公務機密維護宣導　{rng.randint(2, 20)}")
    return dict(img=im, base=rng.choice(["slide", "slide", "screen_photo", "photo"]), doc="training_slide", hard=True,
                note=f"教育訓練投影片（{topic[0]}），談規則與去識別化範例，不含真實個資/機密", ids=[])


def a_quiz(rng):
    qs = rng.sample([
        "1. 拘票可否以 LINE 傳給同事確認？ (A)可以 (B)不可以",
        "2. 下列何者屬個人資料？ (A)身分證號 (B)機關地址",
        "3. 開標前可否告知廠商投標家數？ (A)可以 (B)不可以",
        "4. 遮蔽後的身分證號 A12****789 是否仍可傳送？",
        "5. 刑法第132條規範何種行為？",
        "6. 標示「限閱」之文件可否翻拍？",
        "7. 陳情人身分可否告知被陳情人？",
    ], 5)
    im = doc_page("公務機密維護　隨堂測驗", [("p", "單位：＿＿＿＿　姓名：＿＿＿＿　得分：＿＿")] + [("p", q) for q in qs] +
                  [("p", "答案請填在答案卡，測驗完繳回政風室。")], rng, org=rng.choice(AGENCIES))
    return dict(img=im, base=rng.choice(["photo", "scan"]), doc="quiz_page", hard=True,
                note="測驗卷：題目談拘票/個資/開標保密規則，姓名欄空白", ids=[])


def a_chat_rules(rng):
    v = rng.randint(0, 3)
    msgs = [
        [("L", "政風 陳專員", "提醒：請勿在群組傳送民眾身分證、健保卡照片"), ("L", "政風 陳專員", "需要的話請用公務信箱並遮蔽，例如 A12****789"), ("R", "", "收到，謝謝提醒")],
        [("L", "科長", "明天的稽核說明會下午2點在3樓會議室"), ("L", "科長", "有問題打我分機 2315"), ("R", "", "好的")],
        [("L", "同事", "搜索票要怎麼送閱？"), ("L", "股長", "走公文系統，不要拍照傳群組"), ("L", "股長", "這是偵查不公開的規定"), ("R", "", "了解")],
        [("L", "採購", f"決標公告已上網了，得標廠商是{rng.choice(COMPANIES)}"), ("L", "採購", "大家可以上採購網看"), ("R", "", "👍")],
    ][v]
    im = chat_screen(rng.choice(["科內群組", "政風聯繫窗口", "業務群組"]), msgs, rng)
    return dict(img=im, base=rng.choice(["chat_screenshot", "chat_screenshot", "screen_photo"]), doc="chat_rule_talk", hard=True,
                note="群組談保密規則／分機／已公告決標，無個資或未公開事項", ids=[])


def a_roster(rng):
    rows = [("日期", "值日人員", "分機", "代理人")]
    for d in range(1, 8):
        rows.append((f"12/{d + rng.randint(0, 20)}", rng.choice(SUR)[0] + rng.choice(GIV)[0], str(rng.randint(2000, 2999)), rng.choice(SUR)[0] + rng.choice(GIV)[0]))
    im = doc_page(f"{Y}年12月值日輪值表", [("table", ([1, 1.4, 1, 1.4], rows)), ("p", "值日人員請於17:30前至總務科領取鑰匙；緊急事故請撥1999或總機。")],
                  rng, org=rng.choice(AGENCIES))
    return dict(img=im, base=rng.choice(["photo", "scan", "photo"]), doc="duty_roster", hard=True,
                note="值日表：同仁姓名與公務分機，屬機關內部公開資訊", ids=[])


def a_masked(rng):
    rows = [("#", "查詢結果（已遮蔽）"), ("姓名", masked_name(rng)), ("身分證號", f"{rng.choice('ABDEF')}{rng.choice('12')}{rng.randint(1, 9)}****{rng.randint(100, 999)}"),
            ("手機", f"09{rng.randint(10, 99)}-***-{rng.randint(100, 999)}"), ("地址", f"{rng.choice(CITIES)[0]}○○區○○路**號"),
            ("案件狀態", rng.choice(["已結案", "辦理中"])), ("#", "說明"), ("", "依個資法已去識別化處理")]
    if rng.random() < 0.5:
        im = phone_screen(rng.choice(["案件查詢", "申辦進度查詢"]), rows, rng)
        base = rng.choice(["screenshot", "screen_photo"])
    else:
        im = chat_screen("業務群組", [("L", "承辦", f"陳情人{masked_name(rng)}的案子結案了"),
                                     ("L", "承辦", f"證號 {rng.choice('ABF')}{rng.choice('12')}{rng.randint(1, 9)}****{rng.randint(100, 999)}，電話 09**-***-{rng.randint(100, 999)}"),
                                     ("R", "", "好 已登記")], rng)
        base = "chat_screenshot"
    return dict(img=im, base=base, doc="masked_data", hard=True,
                note="資料已遮蔽（A12****789、王○明、09**-***-123），無法識別個人", ids=[])


def a_bizcard(rng):
    ag = rng.choice(AGENCIES)
    nm = rng.choice(SUR)[0] + rng.choice(GIV)[0]
    p = card_base(1000, 580, (252, 252, 252))
    p.t(60, 60, ag, 34, "bold", fill=(20, 60, 120))
    p.t(60, 160, nm, 60, "serifb"); p.t(60 + p.tw(nm, 60, "serifb") + 30, 185, rng.choice(["科長", "專員", "稽查員", "政風室主任"]), 34)
    p.t(60, 300, f"TEL {office_phone(rng)} #{rng.randint(100, 9999)}", 32)
    p.t(60, 360, f"FAX {office_phone(rng)}", 32)
    p.t(60, 420, f"{rng.choice(['chen', 'lin', 'wang'])}{rng.randint(1, 999)}@{rng.choice(['taichung', 'ntpc', 'kcg'])}.gov.tw", 32)
    p.t(60, 480, f"{ag[:3]}{rng.choice(ROADS)}{rng.randint(1, 300)}號", 30)
    return dict(img=p.im, base="photo", doc="business_card", hard=True,
                note="公務名片：職稱、辦公室電話分機、機關信箱與地址，屬公務聯絡資訊", ids=[])


def a_asset_tag(rng):
    p = Page(1000, 560, (235, 235, 238))
    p.rect((3, 3, 996, 556), outline=(60, 60, 60), width=4)
    p.t(500, 50, rng.choice(AGENCIES) + "　財產標籤", 34, "bold", anchor="ma")
    y = 130
    for k, v in [("財產編號", f"3140101-03-{rng.randint(100000, 999999)}"), ("名稱", rng.choice(["筆記型電腦", "雷射印表機", "冷氣機", "公務機車"])),
                 ("取得日期", f"{rng.randint(105, 114)}/{rng.randint(1, 12)}/{rng.randint(1, 28)}"), ("保管人", rng.choice(SUR)[0] + rng.choice(GIV)[0] + "（總務科）")]:
        p.t(50, y, k, 30, fill=(90, 90, 90)); p.t(230, y, v, 34); y += 70
    p.barcode(50, 440, 600, 80, rng); p.qr(760, 300, 200, rng)
    return dict(img=p.im, base="photo", doc="asset_tag", hard=True, note="財產標籤：財產編號與條碼，保管人為機關同仁", ids=[])


def a_warrant_template(rng):
    im = doc_page("拘票（格式）", [("kv", [("被告姓名", ""), ("性別", ""), ("出生日期", ""), ("身分證號", ""), ("住居所", ""), ("案由", ""), ("拘提理由", "")]),
                               ("p", "本格式依刑事訴訟法第77條製作，僅供教育訓練使用。")], rng, wm=("教材", 150), serif=True)
    return dict(img=im, base=rng.choice(["slide_embed", "scan", "photo"]), doc="warrant_template", hard=True,
                note="訓練用空白拘票格式（標示教材），未記載任何人", ids=[])


def a_menu(rng):
    shop = rng.choice(SHOPS)
    p = Page(1100, 1500, rng.choice([(255, 248, 230), (245, 250, 240), (255, 255, 255)]))
    p.t(550, 70, shop, 64, "bold", fill=(170, 40, 30), anchor="ma")
    p.t(550, 170, f"訂購專線 {mobile(rng)}　外送滿300", 36, anchor="ma")
    y = 260
    for it in rng.sample(["排骨便當", "雞腿便當", "控肉便當", "素食便當", "牛肉麵", "餛飩湯", "蛋餅", "蘿蔔糕", "紅茶", "豆漿", "鍋貼10顆", "酸辣湯"], 10):
        p.t(120, y, it, 40); p.t(980, y, f"${rng.choice([30, 35, 60, 85, 90, 110, 120])}", 40, anchor="ra"); y += 86
    p.t(550, y + 40, f"地址：{rng.choice(CITIES)[0]}{rng.choice(ROADS)}{rng.randint(1, 300)}號（公所對面）", 32, anchor="ma")
    p.t(550, y + 100, "LINE 訂餐 ID：@" + rng.choice(["bento", "ameifood", "noodle"]) + str(rng.randint(10, 99)), 32, anchor="ma")
    return dict(img=p.im, base=rng.choice(["photo", "photo", "scan"]), doc="menu_flyer", hard=True,
                note="店家菜單/傳單：店家訂購手機與店址，屬商家公開聯絡方式", ids=[])


# easy ones
def a_calendar(rng):
    p = Page(1400, 1100, (255, 255, 255))
    m = 12
    p.t(700, 50, f"{Y + 1911}年 {m}月　行事曆", 52, "bold", anchor="ma")
    days = ["日", "一", "二", "三", "四", "五", "六"]
    cw, ch = 190, 150
    for i, d in enumerate(days):
        p.t(40 + i * cw + cw / 2, 150, d, 34, "bold", anchor="ma", fill=(200, 30, 30) if i in (0, 6) else (30, 30, 30))
    ev = {3: "科務會議", 10: "教育訓練", 15: "稽核說明會", 19: "尾牙", 25: "行憲紀念日", 31: "結算"}
    for n in range(1, 32):
        k = n + 1
        r, c = divmod(k, 7)
        x, y = 40 + c * cw, 210 + r * ch
        p.rect((x, y, x + cw, y + ch), outline=(200, 200, 200))
        p.t(x + 10, y + 8, str(n), 32)
        if n in ev:
            p.t(x + 10, y + 70, ev[n], 26, fill=(20, 80, 160))
    return dict(img=p.im, base=rng.choice(["screenshot_doc", "photo"]), doc="calendar", hard=False, note="月曆行事曆，一般活動", ids=[])


def a_agenda(rng):
    items = rng.sample(["上次會議決議追蹤", "年度預算執行率報告", "尾牙籌備", "辦公室節能措施", "公文時效檢討", "志工表揚", "資訊設備汰換進度", "臨時動議"], 5)
    im = doc_page(f"{Y}年12月份科務會議議程", [("kv", [("時間", f"12月{rng.randint(4, 20)}日 14:00"), ("地點", f"{rng.randint(2, 9)}樓會議室"),
                                                   ("主持人", f"{rng.choice(SUR)[0]}科長")])] +
                  [("p", f"{i + 1}、{it}") for i, it in enumerate(items)], rng, org=rng.choice(AGENCIES))
    return dict(img=im, base=rng.choice(["photo", "scan", "screenshot_doc"]), doc="meeting_agenda", hard=False, note="一般會議議程", ids=[])


def a_wb_schedule(rng):
    lines = ["本週工作", f"週一 {rng.choice(['科務會議', '公文清理'])}", "週三 下午 消防演練", f"週四 {rng.choice(['尾牙彩排', '教育訓練'])}",
             "週五 環境整理", "記得交出差單！"]
    return dict(img=whiteboard(lines, rng), base="photo", doc="whiteboard_schedule", hard=False, note="白板一般工作排程", ids=[])


def a_poster(rng):
    ev = rng.choice(["冬季路跑嘉年華", "親子閱讀週", "淨灘活動", "捐血活動", "反詐騙宣導園遊會", "耶誕點燈晚會"])
    p = Page(1100, 1550, rng.choice([(255, 235, 210), (220, 240, 255), (235, 255, 230)]))
    p.t(550, 150, ev, 80, "bold", fill=(180, 40, 60), anchor="ma")
    p.t(550, 330, f"{Y + 1911}.12.{rng.randint(10, 28)}（六）", 54, "bold", anchor="ma")
    p.t(550, 430, rng.choice(["市民廣場", "河濱公園", "中正紀念堂", "運動公園"]), 48, anchor="ma")
    p.d.ellipse((300, 560, 800, 1060), fill=(255, 200, 120))
    p.t(550, 1120, "免費參加・現場好禮", 46, anchor="ma")
    p.t(550, 1220, f"洽詢：1999 或 {office_phone(rng)}", 36, anchor="ma")
    p.t(550, 1300, f"主辦：{rng.choice(AGENCIES)}", 32, anchor="ma")
    return dict(img=p.im, base=rng.choice(["photo", "screenshot_doc"]), doc="event_poster", hard=False, note="活動海報", ids=[])


def a_map(rng):
    p = Page(1400, 1000, (238, 240, 232))
    for _ in range(14):
        if rng.random() < .5:
            x = rng.randint(0, 1400); p.d.line((x, 0, x + rng.randint(-200, 200), 1000), fill=(255, 255, 255), width=rng.choice([14, 24]))
        else:
            y = rng.randint(0, 1000); p.d.line((0, y, 1400, y + rng.randint(-150, 150)), fill=(255, 255, 255), width=rng.choice([14, 24]))
    p.d.polygon([(900, 100), (1300, 150), (1250, 400), (950, 380)], fill=(190, 225, 180))
    for r in rng.sample(ROADS, 4):
        p.t(rng.randint(50, 1100), rng.randint(80, 900), r, 32, fill=(90, 90, 90))
    p.d.ellipse((650, 450, 700, 500), fill=(220, 40, 40))
    p.t(710, 460, rng.choice(["本局", "會場", "集合點"]), 40, "bold", fill=(200, 30, 30))
    p.rect((40, 40, 560, 200), fill=(255, 255, 255), outline=(120, 120, 120))
    p.t(60, 60, "交通位置圖", 44, "bold"); p.t(60, 130, "捷運站出口步行5分鐘", 30)
    return dict(img=p.im, base=rng.choice(["screenshot_doc", "photo"]), doc="map", hard=False, note="位置地圖", ids=[])


def a_chat_lunch(rng):
    shop = rng.choice(SHOPS)
    msgs = [("L", "小美", f"今天午餐訂{shop}，要的+1"), ("R", "", "+1 排骨"), ("L", "阿宏", "+1 雞腿不要辣"), ("L", "小美", "11點半前統計完喔"),
            ("L", "科長", "下午會議改3點")]
    im = chat_screen(rng.choice(["科內群組", "午餐團"]), msgs, rng)
    return dict(img=im, base=rng.choice(["chat_screenshot", "chat_screenshot", "screen_photo"]), doc="chat_ordinary", hard=False,
                note="一般聊天：訂餐、會議時間", ids=[])


def a_progress_slide(rng):
    im = slide(rng.choice(["年度計畫執行進度", "資訊系統更新時程", "節能減碳成果"]),
               [f"第一季完成率 {rng.randint(80, 100)}%", f"第二季完成率 {rng.randint(60, 100)}%", "預算執行符合進度", "下階段：使用者教育訓練",
                "  預計明年1月上線"], rng)
    return dict(img=im, base=rng.choice(["slide", "screen_photo", "photo"]), doc="progress_slide", hard=False, note="一般業務簡報", ids=[])


def a_notice(rng):
    im = doc_page(rng.choice(["停電通知", "大樓清潔消毒通知", "電梯保養公告", "會議室借用規則"]),
                  [("p", f"12月{rng.randint(5, 28)}日（六）上午8時至12時進行作業，期間請勿使用。"), ("p", "造成不便，敬請見諒。"),
                   ("sig", "總務科 敬啟")], rng, w=1100, h=900)
    return dict(img=im, base=rng.choice(["photo", "photo", "scan"]), doc="building_notice", hard=False, note="一般內部通知", ids=[])


FLAG = [(f_id_front, 5), (f_id_back, 3), (f_resident_permit, 4), (f_passport, 4), (f_household, 4), (f_query_screen, 4),
        (f_travel_query, 3), (f_criminal_query, 3), (f_warrant, 4), (f_classified, 4), (f_bid_sheet, 4), (f_appraisal, 4),
        (f_inspection_list, 4), (f_medical, 3), (f_chat_pii, 4), (f_chat_matter, 5), (f_passbook, 3), (f_credit_card, 3),
        (f_petition, 4), (f_vehicle, 2), (f_email_list, 2), (f_whiteboard_raid, 2), (f_sticky, 2)]
ALLOW = [(a_specimen_id, 6), (a_sample_form, 7), (a_blank_form, 6), (a_letter, 8), (a_public_notice, 5), (a_insp_results, 6),
         (a_award_notice, 6), (a_personnel_order, 5), (a_ticket, 6), (a_invoice, 6), (a_parking, 5), (a_training_slide, 8),
         (a_quiz, 5), (a_chat_rules, 7), (a_roster, 5), (a_masked, 7), (a_bizcard, 5), (a_asset_tag, 4), (a_warrant_template, 3),
         (a_menu, 8), (a_calendar, 6), (a_agenda, 8), (a_wb_schedule, 7), (a_poster, 7), (a_map, 5), (a_chat_lunch, 7),
         (a_progress_slide, 5), (a_notice, 7)]

STYLE_OF = {"photo": "photo", "scan": "scan", "screenshot": "screenshot", "chat_screenshot": "chat_screenshot",
            "screen_photo": "screen_photo", "slide": "slide", "screenshot_doc": "screenshot", "slide_embed": "slide"}


def embed_in_slide(im, rng):
    s = Page(1600, 900, (250, 250, 252))
    s.rect((0, 0, 1600, 110), fill=(20, 70, 140), outline=(20, 70, 140))
    s.t(50, 55, rng.choice(["證件辨識教材", "表單範例說明", "教育訓練"]), 44, "bold", fill=(255, 255, 255), anchor="lm")
    w, h = im.size
    sc = min(1100 / w, 740 / h, 1.0)
    im2 = im.resize((int(w * sc), int(h * sc)), Image.LANCZOS)
    s.im.paste(im2, (60, 135))
    s.wrap(60 + im2.size[0] + 40, 180, "範例圖片，非真實資料。實際案件請勿翻拍上傳。", 32, 1600 - im2.size[0] - 160)
    return s.im, sc


def build(i, gen, rng, nrng):
    r = gen(rng)
    im = r["img"]; base = r["base"]; fx = []
    scale = 1.0
    if base == "slide_embed":
        im, scale = embed_in_slide(im, rng); fx.append(f"embedded in slide at {scale:.2f}x")
        base = rng.choice(["slide", "screen_photo"])
    style = STYLE_OF[base]
    if base == "photo" and r["doc"].startswith("whiteboard"):
        style = "whiteboard"
    if base == "photo":
        im = eff_photo(im, rng, nrng, fx)
    elif base == "scan":
        im = eff_scan(im, rng, nrng, fx)
    elif base == "screen_photo":
        im = eff_screen_photo(im, rng, nrng, fx)
    if base in ("photo", "screen_photo") and rng.random() < 0.25:
        im = eff_glare(im, rng, nrng, fx)
    # crop (small, keeps content)
    if rng.random() < 0.3:
        w, h = im.size
        l, t = int(w * rng.uniform(0, .04)), int(h * rng.uniform(0, .04))
        rr, bb = w - int(w * rng.uniform(0, .04)), h - int(h * rng.uniform(0, .04))
        im = im.crop((l, t, rr, bb)); fx.append("edge crop ≤4%")
    # size limits
    w, h = im.size
    if max(w, h) > 1800:
        s = 1800 / max(w, h); im = im.resize((int(w * s), int(h * s)), Image.LANCZOS); scale *= s; fx.append(f"downscaled {s:.2f}")
    if max(im.size) < 800:
        s = 800 / max(im.size); im = im.resize((int(im.size[0] * s) + 1, int(im.size[1] * s) + 1), Image.LANCZOS); scale *= s
    # rotation
    u = rng.random()
    if u < 0.07:
        im = im.transpose(Image.ROTATE_90); fx.append("rotated 90°")
    elif u < 0.12:
        im = im.transpose(Image.ROTATE_180); fx.append("rotated 180°")
    elif u < 0.15:
        im = im.transpose(Image.ROTATE_270); fx.append("rotated 270°")
    # format
    v = rng.random()
    if style in ("screenshot", "chat_screenshot", "slide") and v < 0.7:
        ext, q = "png", None
    elif v < 0.33:
        ext, q = "jpg", rng.randint(35, 60)
    else:
        ext, q = "jpg", rng.randint(70, 92)
    eid = f"e{i:04d}"
    path = os.path.join(IMG, f"{eid}.{ext}")
    if ext == "png":
        im.save(path, optimize=False); fx.append("PNG")
    else:
        im.save(path, quality=q); fx.append(f"JPEG q{q}")
    expect = "flag" if "types" in r else "allow"
    types = r.get("types", [])
    note = r["note"] + ("（HARD negative）" if r.get("hard") else "") + "；effects: " + ", ".join(fx)
    lab = {"id": eid, "image": f"img/{eid}.{ext}", "expect": expect, "types": types, "doc": r["doc"], "style": style, "note": note}
    truth = {"id": eid, "hard": bool(r.get("hard")), "ids": r.get("ids", []), "gen": gen.__name__,
             "min_font_px": round(MIN_FONT * scale, 1), "size": list(im.size)}
    return lab, truth


def main():
    rng = random.Random(SEED)
    os.makedirs(IMG, exist_ok=True)
    for f in os.listdir(IMG):
        os.remove(os.path.join(IMG, f))
    jobs = [g for g, n in FLAG for _ in range(n)] + [g for g, n in ALLOW for _ in range(n)]
    assert len(jobs) == 250, len(jobs)
    rng.shuffle(jobs)
    labs, truths = [], []
    for i, g in enumerate(jobs, 1):
        sub = random.Random(SEED * 1000 + i)
        nrng = np.random.default_rng(SEED + i)
        lab, tr = build(i, g, sub, nrng)
        labs.append(lab); truths.append(tr)
        if i % 25 == 0:
            print(i, file=sys.stderr)
    with open(os.path.join(OUT, "labels.jsonl"), "w", encoding="utf-8") as f:
        for l in labs:
            f.write(json.dumps(l, ensure_ascii=False) + "\n")
    with open(os.path.join(OUT, "truth.jsonl"), "w", encoding="utf-8") as f:
        for t in truths:
            f.write(json.dumps(t, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--one":
        # debug: render a single generator by name
        g = globals()[sys.argv[2]]
        os.makedirs("/tmp/ie", exist_ok=True)
        lab, tr = None, None
        IMG = "/tmp/ie"
        print(build(int(sys.argv[3]) if len(sys.argv) > 3 else 1, g, random.Random(1), np.random.default_rng(1)))
    else:
        main()
