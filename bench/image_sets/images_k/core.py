"""Drawing, fake-data and capture helpers for the imgk image test set.

Everything is seeded by the caller; nothing here reads the clock or the environment.
All people, numbers and companies are made up.
"""

from __future__ import annotations

import math
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_DIR = "/usr/share/fonts/opentype/noto/"
TC = 3  # face index of Traditional Chinese in the Noto CJK collections
_FONTS: dict = {}


def F(size: int, bold: bool = False, serif: bool = False) -> ImageFont.FreeTypeFont:
    size = max(8, int(size))
    key = (size, bold, serif)
    if key not in _FONTS:
        fn = ("NotoSerifCJK-" if serif else "NotoSansCJK-") + ("Bold" if bold else "Regular") + ".ttc"
        _FONTS[key] = ImageFont.truetype(FONT_DIR + fn, size, index=TC)
    return _FONTS[key]


# ---------------------------------------------------------------- fake data
SUR = "陳林黃張李王吳劉蔡楊許鄭謝洪郭邱曾廖賴徐周葉蘇莊呂江何蕭羅高潘簡朱鍾彭游詹胡施沈余盧梁趙顏柯翁魏孫戴"
GIV = "志明家豪怡君淑芬俊傑雅婷建宏美玲冠宇佩珊宗翰欣承恩宜蓁柏詩涵哲惠雯耀文秀英國華麗彬瑞祥育成嘉慧信安筱庭品睿靜如正德玉珍子軒郁婕"
CITIES = [
    ("臺北市", ["中正區", "大安區", "信義區", "士林區", "內湖區"], "(02)"),
    ("新北市", ["板橋區", "三重區", "新店區", "中和區", "淡水區"], "(02)"),
    ("桃園市", ["桃園區", "中壢區", "八德區", "龜山區"], "(03)"),
    ("臺中市", ["西屯區", "北屯區", "豐原區", "大里區"], "(04)"),
    ("臺南市", ["東區", "永康區", "安平區", "新營區"], "(06)"),
    ("高雄市", ["苓雅區", "三民區", "鳳山區", "左營區"], "(07)"),
    ("彰化縣", ["彰化市", "員林市", "鹿港鎮"], "(04)"),
    ("宜蘭縣", ["宜蘭市", "羅東鎮", "礁溪鄉"], "(03)"),
]
ROADS = ["中山路", "民生路", "復興路", "中正路", "建國路", "光復路", "和平東路", "成功路", "文化路", "自強街", "大同路", "忠孝東路"]
LETTERS = {
    "A": 10, "B": 11, "C": 12, "D": 13, "E": 14, "F": 15, "G": 16, "H": 17, "I": 34, "J": 18, "K": 19, "L": 20,
    "M": 21, "N": 22, "O": 35, "P": 23, "Q": 24, "R": 25, "S": 26, "T": 27, "U": 28, "V": 29, "W": 32, "X": 30,
    "Y": 31, "Z": 33,
}
CO_PRE = ["宏泰", "鼎新", "聯翔", "永豐盛", "建樺", "瑞昇", "東陽興", "綠源", "台光", "長鴻", "佳豪", "全盛", "晟揚", "國碩", "信宇"]
CO_SUF = ["工程有限公司", "營造股份有限公司", "科技股份有限公司", "環保企業社", "實業有限公司", "資訊股份有限公司", "食品行", "清潔有限公司"]
AGENCIES = [
    "桃園市政府環境保護局", "臺中市政府地政局", "新北市政府衛生局", "高雄市政府經濟發展局", "內政部移民署北區事務大隊",
    "臺南市政府工務局", "彰化縣政府社會處", "宜蘭縣政府建設處", "臺北市政府勞動局", "新北市政府稅捐稽徵處",
    "高雄市政府調查處聯絡室", "交通部公路局區監理所", "臺中市政府警察局第二分局", "桃園市政府政風處",
]
UNITS = ["秘書室", "政風室", "人事室", "會計室", "資訊室", "綜合規劃科", "稽查科", "檢查科", "調查課", "管理科", "企劃科", "總務科"]
TITLES = ["科長", "股長", "專員", "科員", "技士", "技正", "視察", "組員", "辦事員", "秘書", "主任"]


def name(r: random.Random) -> str:
    return r.choice(SUR) + r.choice(GIV) + r.choice(GIV)


def masked_name(r: random.Random) -> str:
    n = name(r)
    return n[0] + "○" + n[2]


def nid(r: random.Random, sex: int | None = None) -> str:
    L = r.choice(list(LETTERS))
    v = LETTERS[L]
    d = [sex if sex in (1, 2) else r.choice((1, 2))] + [r.randrange(10) for _ in range(7)]
    s = v // 10 + (v % 10) * 9 + sum(x * w for x, w in zip(d, (8, 7, 6, 5, 4, 3, 2, 1)))
    c = (10 - s % 10) % 10
    return L + "".join(map(str, d)) + str(c)


def masked_id(r: random.Random) -> str:
    i = nid(r)
    return i[:3] + "****" + i[7:]


def mobile(r: random.Random) -> str:
    return "09%d%d-%03d-%03d" % (r.choice([1, 2, 3, 5, 7, 8]), r.randrange(10), r.randrange(1000), r.randrange(1000))


def landline(r: random.Random, area: str | None = None) -> str:
    area = area or r.choice(["(02)", "(03)", "(04)", "(06)", "(07)"])
    if area == "(02)":
        return "%s%d%03d-%04d" % (area, r.choice([2, 8]), r.randrange(1000), r.randrange(10000))
    return "%s%d%02d-%04d" % (area, r.randrange(2, 9), r.randrange(100), r.randrange(10000))


def address(r: random.Random) -> str:
    c, ds, _ = r.choice(CITIES)
    s = "%s%s%s%d號" % (c, r.choice(ds), r.choice(ROADS), r.randrange(1, 400))
    if r.random() < 0.5:
        s = s[:-1] + "號%d樓" % r.randrange(2, 15)
    return s


def company(r: random.Random) -> str:
    return r.choice(CO_PRE) + r.choice(CO_SUF)


def ubn(r: random.Random) -> str:
    return "%08d" % r.randrange(10000000, 99999999)


def roc_date(r: random.Random, y: int = 115) -> str:
    return "%d年%d月%d日" % (y, r.randrange(1, 13), r.randrange(1, 29))


def birth(r: random.Random) -> tuple[int, int, int]:
    return r.randrange(45, 92), r.randrange(1, 13), r.randrange(1, 29)


def passport(r: random.Random) -> str:
    return "%d%08d" % (r.choice([3, 3, 3]), r.randrange(10**8))


def foreign_passport(r: random.Random) -> str:
    return r.choice(["B", "C", "P", "E"]) + "%07d" % r.randrange(10**7)


def plate(r: random.Random) -> str:
    return r.choice(["RAA", "RBC", "BFK", "AKX", "RDS"]) + "-%04d" % r.randrange(1000, 9999)


# ---------------------------------------------------------------- drawing
class Page:
    def __init__(self, w: int, h: int, bg=(255, 255, 255)):
        self.im = Image.new("RGB", (w, h), bg)
        self.d = ImageDraw.Draw(self.im)
        self.w, self.h = w, h

    def t(self, x, y, s, size=24, bold=False, serif=False, fill=(25, 25, 25), anchor="la"):
        f = F(size, bold, serif)
        self.d.text((x, y), s, font=f, fill=fill, anchor=anchor)
        return max(self.d.textlength(ln, font=f) for ln in s.split("\n"))

    def c(self, y, s, size=24, **k):
        return self.t(self.w / 2, y, s, size, anchor="ma", **k)

    def tl(self, s, size=24, bold=False, serif=False):
        return self.d.textlength(s, font=F(size, bold, serif))

    def wrap(self, x, y, s, size=22, width=None, lh=1.55, **k):
        width = width or (self.w - x - 40)
        f = F(size, k.get("bold", False), k.get("serif", False))
        for para in s.split("\n"):
            line = ""
            for ch in para:
                if self.d.textlength(line + ch, font=f) > width:
                    self.t(x, y, line, size, **k)
                    y += size * lh
                    line = ""
                line += ch
            self.t(x, y, line, size, **k)
            y += size * lh
        return y

    def hline(self, y, x0=None, x1=None, w=2, fill=(30, 30, 30)):
        self.d.line([(x0 if x0 is not None else 40, y), (x1 if x1 is not None else self.w - 40, y)], fill=fill, width=w)

    def table(self, x, y, widths, rows, size=20, rh=None, head=True, hfill=(225, 228, 235), lw=1, hand=None, hcols=()):
        """Draws a grid; hand=(rng, set of column idx) renders those cells in a handwriting style."""
        rh = rh or int(size * 1.9)
        for ri, row in enumerate(rows):
            cx = x
            if head and ri == 0:
                self.d.rectangle([x, y, x + sum(widths), y + rh], fill=hfill)
            for ci, cell in enumerate(row):
                self.d.rectangle([cx, y, cx + widths[ci], y + rh], outline=(40, 40, 40), width=lw)
                s = str(cell)
                if hand and ri > 0 and ci in hcols:
                    self.hand(cx + 6, y + (rh - size) / 2 - 2, s, size + 2, hand)
                else:
                    f = F(size, bold=(head and ri == 0))
                    while self.d.textlength(s, font=f) > widths[ci] - 8 and len(s) > 1:
                        f = F(f.size - 1)
                        if f.size < 10:
                            break
                    self.d.text((cx + 5, y + rh / 2), s, font=f, fill=(20, 20, 20), anchor="lm")
                cx += widths[ci]
            y += rh
        return y

    def kv(self, x, y, pairs, size=22, lw=160, vw=None, rh=None, hand=None):
        """Label/value form rows with box lines."""
        vw = vw or (self.w - x - lw - 40)
        rh = rh or int(size * 2.0)
        for k, v in pairs:
            self.d.rectangle([x, y, x + lw, y + rh], outline=(40, 40, 40), fill=(240, 240, 240))
            self.d.rectangle([x + lw, y, x + lw + vw, y + rh], outline=(40, 40, 40))
            self.d.text((x + 8, y + rh / 2), k, font=F(size, True), fill=(20, 20, 20), anchor="lm")
            if v:
                if hand:
                    self.hand(x + lw + 10, y + (rh - size) / 2 - 3, v, size + 3, hand)
                else:
                    self.d.text((x + lw + 10, y + rh / 2), v, font=F(size), fill=(20, 20, 20), anchor="lm")
            y += rh
        return y

    def hand(self, x, y, s, size, r: random.Random, fill=None):
        """Handwriting-like: per-glyph jitter in size, angle, baseline and ink."""
        fill = fill or r.choice([(20, 30, 120), (25, 25, 30), (30, 40, 90)])
        serif = r.random() < 0.5
        for ch in s:
            sz = int(size * r.uniform(0.88, 1.1))
            f = F(sz, bold=r.random() < 0.3, serif=serif)
            w = int(f.getlength(ch)) + 6
            g = Image.new("L", (w + 8, sz + 16), 0)
            ImageDraw.Draw(g).text((4, 4), ch, font=f, fill=255)
            g = g.rotate(r.uniform(-9, 9), resample=Image.BILINEAR, expand=True)
            col = Image.new("RGB", g.size, fill)
            self.im.paste(col, (int(x), int(y + r.uniform(-3, 3))), g)
            x += w * r.uniform(0.78, 0.95)
        return x

    def stamp(self, cx, cy, text, r: random.Random, size=40, shape="rect", color=(200, 30, 35), angle=None, alpha=0.8):
        f = F(size, bold=True, serif=True)
        lines = text.split("\n")
        tw = max(int(f.getlength(s)) for s in lines)
        th = int(size * 1.25 * len(lines))
        pad = int(size * 0.45)
        W, H = tw + 2 * pad, th + 2 * pad
        if shape == "circle":
            W = H = max(W, H)
        lay = Image.new("L", (W + 10, H + 10), 0)
        dd = ImageDraw.Draw(lay)
        bw = max(3, size // 10)
        if shape == "circle":
            dd.ellipse([5, 5, W + 5, H + 5], outline=255, width=bw)
        elif shape == "rect":
            dd.rectangle([5, 5, W + 5, H + 5], outline=255, width=bw)
        yy = 5 + (H - th) / 2
        for s in lines:
            dd.text((5 + W / 2, yy), s, font=f, fill=255, anchor="ma")
            yy += size * 1.25
        arr = np.array(lay).astype(np.float32) / 255.0
        rng = np.random.default_rng(r.randrange(1 << 30))
        arr *= rng.uniform(0.55, 1.0, arr.shape) * alpha  # uneven ink
        lay = Image.fromarray((arr * 255).astype(np.uint8))
        lay = lay.rotate(angle if angle is not None else r.uniform(-15, 15), expand=True, resample=Image.BILINEAR)
        col = Image.new("RGB", lay.size, color)
        base = self.im
        # multiply-like: paste colour with the ink mask
        base.paste(col, (int(cx - lay.size[0] / 2), int(cy - lay.size[1] / 2)), lay)

    def watermark(self, text, r: random.Random, size=120, color=(210, 40, 40), alpha=0.35, angle=30):
        lay = Image.new("L", (self.w, self.h), 0)
        dd = ImageDraw.Draw(lay)
        dd.text((self.w / 2, self.h / 2), text, font=F(size, True), fill=int(255 * alpha), anchor="mm")
        lay = lay.rotate(angle, resample=Image.BILINEAR)
        self.im.paste(Image.new("RGB", lay.size, color), (0, 0), lay)

    def barcode(self, x, y, w, h, r: random.Random):
        xx = x
        while xx < x + w - 4:
            bw = r.choice([1, 1, 2, 2, 3, 4])
            if r.random() < 0.55:
                self.d.rectangle([xx, y, xx + bw - 1, y + h], fill=(0, 0, 0))
            xx += bw

    def qr(self, x, y, s, r: random.Random, n=25):
        m = s / n
        self.d.rectangle([x, y, x + s, y + s], fill=(255, 255, 255))
        for i in range(n):
            for j in range(n):
                if r.random() < 0.5:
                    self.d.rectangle([x + i * m, y + j * m, x + (i + 1) * m - 0.5, y + (j + 1) * m - 0.5], fill=(0, 0, 0))
        for fx, fy in ((0, 0), (n - 7, 0), (0, n - 7)):
            X, Y = x + fx * m, y + fy * m
            self.d.rectangle([X, Y, X + 7 * m, Y + 7 * m], fill=(255, 255, 255))
            self.d.rectangle([X, Y, X + 7 * m - 1, Y + 7 * m - 1], outline=(0, 0, 0), width=int(m) + 1)
            self.d.rectangle([X + 2 * m, Y + 2 * m, X + 5 * m - 1, Y + 5 * m - 1], fill=(0, 0, 0))

    def portrait(self, x, y, w, h, r: random.Random):
        bg = r.choice([(200, 215, 235), (235, 235, 235), (215, 225, 210)])
        sub = Image.new("RGB", (int(w), int(h)), bg)
        d = ImageDraw.Draw(sub)
        skin = r.choice([(225, 190, 160), (210, 170, 140), (235, 205, 180)])
        hair = r.choice([(30, 25, 20), (50, 40, 35), (70, 60, 55)])
        cx = w / 2
        d.ellipse([cx - w * 0.48, h * 0.72, cx + w * 0.48, h * 1.3], fill=r.choice([(40, 50, 80), (60, 60, 60), (230, 230, 230)]))
        d.rectangle([cx - w * 0.1, h * 0.55, cx + w * 0.1, h * 0.78], fill=skin)
        d.ellipse([cx - w * 0.27, h * 0.12, cx + w * 0.27, h * 0.68], fill=skin)
        d.chord([cx - w * 0.29, h * 0.08, cx + w * 0.29, h * 0.5], 180, 360, fill=hair)
        for ex in (-0.1, 0.1):
            d.ellipse([cx + w * ex - 4, h * 0.38 - 3, cx + w * ex + 4, h * 0.38 + 3], fill=(30, 30, 30))
        d.line([cx - w * 0.08, h * 0.56, cx + w * 0.08, h * 0.56], fill=(150, 80, 80), width=2)
        self.im.paste(sub, (int(x), int(y)))

    def seal(self, cx, cy, text, r: random.Random, size=200):
        """Square official seal (大印) in red, text in a grid."""
        n = len(text)
        cols = 3 if n > 6 else 2
        rows = math.ceil(n / cols)
        lay = Image.new("L", (size, size), 0)
        dd = ImageDraw.Draw(lay)
        dd.rectangle([4, 4, size - 5, size - 5], outline=255, width=max(4, size // 30))
        cs = (size - 24) / max(cols, rows)
        f = F(int(cs * 0.85), True, True)
        for i, ch in enumerate(text):
            col = cols - 1 - i // rows
            row = i % rows
            dd.text((12 + col * (size - 24) / cols + (size - 24) / cols / 2, 12 + row * (size - 24) / rows + (size - 24) / rows / 2), ch, font=f, fill=255, anchor="mm")
        arr = np.array(lay).astype(np.float32) / 255.0
        rng = np.random.default_rng(r.randrange(1 << 30))
        arr *= rng.uniform(0.45, 0.9, arr.shape)
        lay = Image.fromarray((arr * 255).astype(np.uint8)).rotate(r.uniform(-4, 4), expand=True)
        self.im.paste(Image.new("RGB", lay.size, (205, 35, 40)), (int(cx - lay.size[0] / 2), int(cy - lay.size[1] / 2)), lay)


def letterhead(p: Page, agency: str, kind: str, y=50, serif=True):
    p.c(y, agency + " " + kind, 40, bold=True, serif=serif)
    return y + 70


# ---------------------------------------------------------------- capture
def _coeffs(src, dst):
    """Perspective coefficients mapping dst quad -> src quad (PIL wants output->input)."""
    A, B = [], []
    for (x, y), (u, v) in zip(dst, src):
        A.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        A.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        B += [u, v]
    return np.linalg.solve(np.array(A, float), np.array(B, float)).tolist()


def desk_bg(W, H, r: random.Random):
    base = np.array(r.choice([(150, 110, 75), (190, 180, 165), (90, 90, 95), (215, 210, 200), (120, 85, 60), (60, 70, 80)]), float)
    rng = np.random.default_rng(r.randrange(1 << 30))
    yy = np.linspace(0, 1, H)[:, None]
    grain = np.sin(yy * rng.uniform(40, 120) + rng.normal(0, 0.3, (H, 1))) * rng.uniform(3, 12)
    arr = base[None, None, :] + grain[..., None] + rng.normal(0, 4, (H, W, 1))
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def place_photo(doc: Image.Image, r: random.Random, strength=1.0, bg: Image.Image | None = None, fill=0.8):
    """Phone photo of a document lying on a desk: perspective skew, background margins."""
    w, h = doc.size
    sc = fill
    W, H = int(w / sc), int(h / sc)
    if bg is None:
        bg = desk_bg(W, H, r)
    mx, my = (W - w) / 2, (H - h) / 2
    j = 0.09 * strength
    dst = []
    for cx, cy in ((0, 0), (1, 0), (1, 1), (0, 1)):
        dst.append((mx + cx * w + r.uniform(-j, j) * w, my + cy * h + r.uniform(-j, j) * h))
    src = [(0, 0), (w, 0), (w, h), (0, h)]
    co = _coeffs(src, dst)
    warped = doc.transform((W, H), Image.PERSPECTIVE, co, resample=Image.BILINEAR)
    mask = Image.new("L", doc.size, 255).transform((W, H), Image.PERSPECTIVE, co, resample=Image.BILINEAR)
    # soft shadow
    sh = mask.filter(ImageFilter.GaussianBlur(12)).point(lambda v: int(v * 0.45))
    out = bg.copy()
    out.paste(Image.new("RGB", (W, H), (20, 20, 20)), (8, 10), sh)
    out.paste(warped, (0, 0), mask)
    return out


def uneven_light(im: Image.Image, r: random.Random, amt=0.35):
    a = np.asarray(im).astype(np.float32)
    H, W = a.shape[:2]
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    cx, cy = r.uniform(0, W), r.uniform(0, H)
    d = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2) / max(W, H)
    g = 1.08 - amt * d
    ang = r.uniform(0, 6.28)
    g += amt * 0.4 * ((xx * math.cos(ang) + yy * math.sin(ang)) / max(W, H) - 0.5)
    warm = np.array(r.choice([(1.0, 0.97, 0.9), (0.95, 0.97, 1.0), (1.0, 1.0, 1.0)]), np.float32)
    a = a * g[..., None] * warm
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))


def noise(im: Image.Image, r: random.Random, sigma=6.0):
    a = np.asarray(im).astype(np.float32)
    rng = np.random.default_rng(r.randrange(1 << 30))
    a += rng.normal(0, sigma, a.shape[:2])[..., None] + rng.normal(0, sigma * 0.4, a.shape)
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))


def moire(im: Image.Image, r: random.Random, amt=18.0):
    a = np.asarray(im).astype(np.float32)
    H, W = a.shape[:2]
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    f = r.uniform(0.18, 0.35)
    ang = r.uniform(0, 3.14)
    p = np.sin((xx * math.cos(ang) + yy * math.sin(ang)) * f + np.sin(yy * 0.013) * 3)
    q = np.sin((xx * math.cos(ang + 0.05) + yy * math.sin(ang + 0.05)) * f * 1.03)
    m = (p * q) * amt
    a[..., 0] += m
    a[..., 1] -= m * 0.6
    a[..., 2] += m * 0.8
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))


def scan_look(im: Image.Image, r: random.Random):
    g = im.convert("L") if r.random() < 0.5 else im
    g = g.convert("RGB").rotate(r.uniform(-2.5, 2.5), resample=Image.BILINEAR, expand=True, fillcolor=(248, 248, 245))
    a = np.asarray(g).astype(np.float32)
    a = (a - 128) * r.uniform(1.0, 1.3) + 128 + r.uniform(-8, 12)
    a[..., 2] -= r.uniform(0, 12)  # yellowed paper
    g = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    # dark scanner edge on one side
    d = ImageDraw.Draw(g)
    if r.random() < 0.5:
        d.rectangle([0, 0, r.randrange(4, 18), g.size[1]], fill=(40, 40, 40))
    return noise(g, r, r.uniform(2, 7))


def monitor_photo(screen: Image.Image, r: random.Random):
    """Photo of a monitor: bezel, perspective, moiré, glare."""
    w, h = screen.size
    bez = Image.new("RGB", (w + 60, h + 60), (25, 25, 28))
    bez.paste(screen, (30, 30))
    bg = Image.new("RGB", (int((w + 60) / 0.85), int((h + 60) / 0.85)), r.choice([(70, 70, 75), (180, 175, 170), (110, 100, 90)]))
    bg = noise(bg, r, 5)
    out = place_photo(bez, r, 0.9, bg=bg, fill=0.85)
    out = moire(out, r, r.uniform(10, 25))
    out = uneven_light(out, r, 0.3)
    return out


def fit(im: Image.Image, lo=600, hi=1600, target=None):
    w, h = im.size
    L = max(w, h)
    t = target or min(max(L, lo), hi)
    t = min(max(t, lo), hi)
    if t != L:
        im = im.resize((max(1, round(w * t / L)), max(1, round(h * t / L))), Image.LANCZOS)
    return im


def capture(doc: Image.Image, style: str, r: random.Random):
    """Applies a named capture; returns (image, jpeg quality, style string)."""
    tags = [style]
    q = 88
    im = doc
    if style == "screenshot":
        q = r.randrange(80, 93)
        im = fit(im, target=r.randrange(1000, 1500))
    elif style == "scan":
        im = scan_look(im, r)
        q = r.randrange(55, 90)
        im = fit(im, target=r.randrange(1100, 1600))
    elif style in ("photo", "photo_rot90", "photo_dark"):
        s = r.uniform(0.5, 1.4)
        im = place_photo(im, r, s, fill=r.uniform(0.72, 0.9))
        tags.append("skew%.1f" % s)
        im = uneven_light(im, r, r.uniform(0.2, 0.5) + (0.25 if style == "photo_dark" else 0))
        b = r.uniform(0.3, 1.4)
        im = im.filter(ImageFilter.GaussianBlur(b))
        tags.append("blur%.1f" % b)
        im = noise(im, r, r.uniform(3, 9))
        q = r.randrange(30, 80)
        if style == "photo_rot90":
            im = im.rotate(r.choice([90, 270]), expand=True)
        im = fit(im, target=r.randrange(900, 1600))
    elif style in ("scene", "scene_dark", "scene_rot90"):
        # the image already is a photographed scene: tilt, light, blur, noise; no extra background
        a = r.uniform(-7, 7)
        w, h = im.size
        im = im.rotate(a, resample=Image.BILINEAR)
        k = 0.1
        im = im.crop((int(w * k), int(h * k), int(w * (1 - k)), int(h * (1 - k))))
        tags.append("tilt%d" % int(a))
        im = uneven_light(im, r, r.uniform(0.2, 0.45) + (0.3 if style == "scene_dark" else 0))
        b = r.uniform(0.3, 1.3)
        im = im.filter(ImageFilter.GaussianBlur(b))
        tags.append("blur%.1f" % b)
        im = noise(im, r, r.uniform(3, 10))
        q = r.randrange(30, 80)
        if style == "scene_rot90":
            im = im.rotate(r.choice([90, 270]), expand=True)
        im = fit(im, target=r.randrange(900, 1600))
    elif style == "monitor":
        im = monitor_photo(im, r)
        im = im.filter(ImageFilter.GaussianBlur(r.uniform(0.4, 1.0)))
        q = r.randrange(35, 75)
        im = fit(im, target=r.randrange(1000, 1600))
        tags.append("moire")
    elif style == "crop":
        w, h = im.size
        fw, fh = r.uniform(0.55, 0.85), r.uniform(0.5, 0.8)
        x0, y0 = r.uniform(0, 1 - fw) * w, r.uniform(0, 1 - fh) * h
        im = im.crop((int(x0), int(y0), int(x0 + fw * w), int(y0 + fh * h)))
        q = r.randrange(60, 90)
        im = fit(im, target=r.randrange(700, 1300))
    elif style == "small":
        q = r.randrange(60, 85)
        im = fit(im, target=r.randrange(600, 720))
    elif style == "rot":
        a = r.choice([90, 180, 270, r.uniform(-12, 12)])
        im = im.rotate(a, expand=True, resample=Image.BILINEAR, fillcolor=(235, 235, 235))
        tags.append("rot%d" % int(a))
        q = r.randrange(50, 90)
        im = fit(im, target=r.randrange(900, 1500))
    else:
        raise ValueError(style)
    tags.append("q%d" % q)
    return im.convert("RGB"), q, "+".join(tags)
