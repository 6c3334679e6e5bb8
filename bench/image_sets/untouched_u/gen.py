#!/usr/bin/env python3
"""Independent labelled IMAGE test set generator (set "images_u").

Writes img/uNNNN.{png,jpg} and labels.jsonl next to this file.
Deterministic: every item is rendered from random.Random(SEED + n).
Run:  /work/main/.venv/bin/python gen.py
"""
import json, math, os, random, re, sys, collections
import numpy as np
from PIL import Image, ImageDraw, ImageFont, ImageFilter, ImageOps

HERE = os.path.dirname(os.path.abspath(__file__))
IMGDIR = os.path.join(HERE, 'img')
SEED = 7310
R = random.Random(SEED)
NP = np.random.default_rng(SEED)

# ----------------------------------------------------------------- fonts
_N = '/usr/share/fonts/opentype/noto/'
FONTS = {
    'sans': (_N + 'NotoSansCJK-Regular.ttc', 3),
    'sansb': (_N + 'NotoSansCJK-Bold.ttc', 3),
    'serif': (_N + 'NotoSerifCJK-Regular.ttc', 3),
    'serifb': (_N + 'NotoSerifCJK-Bold.ttc', 3),
    'mono': (_N + 'NotoSansCJK-Regular.ttc', 8),
    'monob': (_N + 'NotoSansCJK-Bold.ttc', 8),
    'wqy': ('/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', 0),
}
_fc = {}
MINF = [999]


def F(size, kind='sans'):
    size = int(round(size))
    MINF[0] = min(MINF[0], size)
    k = (kind, size)
    if k not in _fc:
        p, i = FONTS[kind]
        _fc[k] = ImageFont.truetype(p, size, index=i)
    return _fc[k]


def ri(a, b):
    return R.randint(a, b)


def pick(seq):
    return R.choice(seq)


def digits(n):
    return ''.join(str(R.randint(0, 9)) for _ in range(n))


# ----------------------------------------------------------------- data
SUR = list('陳林黃張李王吳劉蔡楊許鄭謝洪郭邱曾廖賴徐周葉蘇莊呂江何蕭羅高潘簡朱鍾游彭詹胡施沈余盧梁趙顏柯翁魏孫戴')
GIV = ['志明', '俊傑', '家豪', '建宏', '冠宇', '承恩', '柏翰', '宗翰', '彥廷', '信宏', '怡君', '雅婷', '佳穎', '淑芬', '美玲',
       '淑惠', '欣怡', '詩涵', '雅雯', '惠如', '靜怡', '佩君', '宜蓁', '品妤', '子晴', '心怡', '文彬', '國華', '金龍', '麗華',
       '秀英', '玉珍', '春嬌', '明德', '正雄', '振興', '素貞', '麗玲', '家瑋', '郁婷', '孟儒', '志偉', '俊宏', '淑娟', '嘉玲',
       '瑞祥', '美惠', '建志', '秋月', '阿雪', '政道', '筱涵', '昱廷', '宥蓁']
ROM_S = {'陳': 'CHEN', '林': 'LIN', '黃': 'HUANG', '張': 'CHANG', '李': 'LI', '王': 'WANG', '吳': 'WU', '劉': 'LIU',
         '蔡': 'TSAI', '楊': 'YANG', '許': 'HSU', '鄭': 'CHENG', '謝': 'HSIEH', '洪': 'HUNG', '郭': 'KUO', '邱': 'CHIU',
         '曾': 'TSENG', '廖': 'LIAO', '賴': 'LAI', '周': 'CHOU', '葉': 'YEH', '蘇': 'SU', '莊': 'CHUANG', '呂': 'LU'}
ROM_G = {'志明': 'CHIH-MING', '俊傑': 'CHUN-CHIEH', '家豪': 'CHIA-HAO', '建宏': 'CHIEN-HUNG', '冠宇': 'KUAN-YU',
         '怡君': 'YI-CHUN', '雅婷': 'YA-TING', '佳穎': 'CHIA-YING', '淑芬': 'SHU-FEN', '美玲': 'MEI-LING',
         '欣怡': 'HSIN-YI', '詩涵': 'SHIH-HAN', '宗翰': 'TSUNG-HAN', '柏翰': 'PO-HAN', '靜怡': 'CHING-YI'}
EXAMPLE_NAMES = {'王小明', '王大明', '陳大文', '林小美'}


def name():
    while True:
        n = pick(SUR) + pick(GIV)
        if n not in EXAMPLE_NAMES:
            return n


def rname():
    s = pick(list(ROM_S)); g = pick(list(ROM_G))
    return s + g, ROM_S[s], ROM_G[g]


def masked(n):
    return n[0] + '○' + n[-1] if len(n) == 3 else n[0] + '○'


def official():
    return name(), pick(['科長', '專員', '科員', '股長', '技士', '辦事員', '主任', '視察', '課長', '約僱人員'])


LV = dict(A=10, B=11, C=12, D=13, E=14, F=15, G=16, H=17, I=34, J=18, K=19, L=20, M=21, N=22, O=35, P=23, Q=24,
          R=25, S=26, T=27, U=28, V=29, W=32, X=30, Y=31, Z=33)


def id_ok(s):
    if not re.fullmatch(r'[A-Z]\d{9}', s):
        return False
    v = LV[s[0]]
    t = v // 10 + (v % 10) * 9 + sum(int(c) * w for c, w in zip(s[1:9], [8, 7, 6, 5, 4, 3, 2, 1])) + int(s[9])
    return t % 10 == 0


def _idgen(first):
    L = pick('ABCDEFGHJKMNPQTUVWXZ')
    body = first + digits(7)
    v = LV[L]
    t = v // 10 + (v % 10) * 9 + sum(int(c) * w for c, w in zip(body, [8, 7, 6, 5, 4, 3, 2, 1]))
    s = L + body + str((10 - t % 10) % 10)
    assert id_ok(s)
    return s


def tw_id(sex=None):
    return _idgen(sex or pick('12'))


def res_id():
    return _idgen(pick('89'))


def mobile(sep='-'):
    return '09' + digits(2) + sep + digits(3) + sep + digits(3)


AREAS = [('02', 8), ('03', 7), ('04', 8), ('05', 7), ('06', 7), ('07', 7), ('037', 6), ('049', 7), ('08', 7)]


def landline():
    a, n = pick(AREAS)
    d = str(ri(2, 8)) + digits(n - 1)
    return '(%s)%s-%s' % (a, d[:n - 4], d[n - 4:])


def office_line():
    return landline() + ' 分機 ' + str(ri(100, 8999))


CITY = [('臺北市', ['大安區', '中山區', '信義區', '松山區', '士林區', '北投區', '萬華區', '文山區']),
        ('新北市', ['板橋區', '三重區', '中和區', '新莊區', '新店區', '土城區', '汐止區']),
        ('桃園市', ['桃園區', '中壢區', '平鎮區', '八德區', '龜山區']),
        ('臺中市', ['西屯區', '北屯區', '南屯區', '豐原區', '大里區']),
        ('臺南市', ['東區', '永康區', '安平區', '北區', '新營區']),
        ('高雄市', ['苓雅區', '三民區', '鳳山區', '左營區', '前鎮區']),
        ('新竹市', ['東區', '北區']), ('基隆市', ['仁愛區', '信義區']),
        ('宜蘭縣', ['羅東鎮', '宜蘭市']), ('彰化縣', ['員林市', '彰化市']), ('屏東縣', ['屏東市', '潮州鎮']),
        ('花蓮縣', ['花蓮市', '吉安鄉'])]
ROAD = ['中山路', '民生路', '復興路', '和平東路', '忠孝東路', '光復路', '建國路', '文化路', '中正路', '自由路', '成功路',
        '民族路', '三民路', '中華路', '四維路', '大同路', '信義路', '仁愛路', '博愛街', '永和街']


def address(short=False):
    c, ds = pick(CITY)
    s = c + pick(ds) + (pick(['', '', '福德里', '中興里', '光明里', '新生里']) + str(ri(1, 30)) + '鄰' if R.random() < .3 else '')
    s += pick(ROAD)
    if R.random() < .4:
        s += pick(['一', '二', '三', '四']) + '段'
    if R.random() < .5:
        s += str(ri(2, 400)) + '巷'
    if R.random() < .2:
        s += str(ri(1, 30)) + '弄'
    s += str(ri(1, 300)) + '號'
    if R.random() < .5:
        s += str(ri(2, 15)) + '樓'
    return s


def roc_date(y0=40, y1=95):
    return ri(y0, y1), ri(1, 12), ri(1, 28)


def roc_str(t):
    return '民國%d年%d月%d日' % t


def plate():
    L = 'ABCDEFGHJKLMNPQRSTUVWXYZ'
    return ''.join(pick(L) for _ in range(3)) + '-' + digits(4)


def passport_no():
    return '3' + digits(8)


def luhn_card():
    p = pick(['4', '5', '35'])
    n = p + digits(15 - len(p))
    s = 0
    for i, c in enumerate(reversed(n)):
        d = int(c)
        if i % 2 == 0:
            d *= 2
            d = d - 9 if d > 9 else d
        s += d
    n += str((10 - s % 10) % 10)
    return ' '.join(n[i:i + 4] for i in range(0, 16, 4))


BANKS = [('700', '中華郵政'), ('822', '中國信託'), ('012', '台北富邦'), ('808', '玉山銀行'), ('004', '臺灣銀行'),
         ('013', '國泰世華'), ('005', '土地銀行')]


def bank_acct():
    code, b = pick(BANKS)
    if code == '700':
        return code, b, digits(7) + '-' + digits(7)
    return code, b, digits(3) + '-' + digits(3) + '-' + digits(6)


def email_personal(n=None):
    s, g = (pick(list(ROM_S.values())).lower(), pick(list(ROM_G.values())).lower().replace('-', ''))
    return '%s%s%s@%s' % (g[:ri(3, 8)], pick(['.', '_', '']), s + digits(ri(0, 4)),
                          pick(['gmail.com', 'yahoo.com.tw', 'hotmail.com', 'msa.hinet.net', 'outlook.com']))


AGENCY = [('臺北市政府環境保護局', 'mail.taipei.gov.tw', '臺北市信義區市府路1號', '北市環'),
          ('新北市政府社會局', 'ntpc.gov.tw', '新北市板橋區中山路一段161號', '新北社'),
          ('桃園市政府衛生局', 'mail.tycg.gov.tw', '桃園市桃園區縣府路55號', '桃衛'),
          ('臺中市政府警察局', 'taichung.gov.tw', '臺中市西屯區臺灣大道三段99號', '中市警'),
          ('臺南市政府工務局', 'mail.tainan.gov.tw', '臺南市安平區永華路二段6號', '南市工'),
          ('高雄市政府勞工局', 'kcg.gov.tw', '高雄市苓雅區四維三路2號', '高市勞'),
          ('內政部移民署', 'immigration.gov.tw', '臺北市中正區廣州街15號', '移署'),
          ('新竹縣政府教育處', 'hchg.gov.tw', '新竹縣竹北市光明六路10號', '府教'),
          ('彰化縣政府地政處', 'mail.chcg.gov.tw', '彰化縣彰化市中山路二段416號', '府地'),
          ('宜蘭縣政府消防局', 'ilfb.gov.tw', '宜蘭縣宜蘭市凱旋路10號', '宜消'),
          ('屏東縣政府民政處', 'oa.pthg.gov.tw', '屏東縣屏東市自由路527號', '屏府民'),
          ('基隆市政府產業發展處', 'mail.klcg.gov.tw', '基隆市中正區義一路1號', '基府產')]
UNITS = ['秘書室', '人事室', '政風室', '會計室', '資訊室', '企劃科', '稽查科', '行政科', '綜合規劃科', '研考科']
COMPANY = ['宏達資訊股份有限公司', '東昇營造有限公司', '立信工程顧問有限公司', '綠洲環保科技股份有限公司', '佳和印刷有限公司',
           '聯合數位整合股份有限公司', '大成清潔服務有限公司', '群英文化事業有限公司', '永興機電工程股份有限公司',
           '晨光設計有限公司', '日新系統科技股份有限公司', '和豐保全股份有限公司']
SHOPS = ['福記便當', '阿英小吃', '好食光早午餐', '大樹咖啡', '老街滷味', '綠園素食', '金華麵館', '山海鮮魚湯']


def agency():
    return pick(AGENCY)


def gov_email(dom):
    return pick(['ab', 'cd', 'kc', 'yh', 'tp', 'ms']) + digits(4) + '@' + dom


def roc_now():
    return (ri(113, 114), ri(1, 12), ri(1, 28))


def docno(pref):
    return '%s%s字第%d%s號' % (pref, pick(['一', '稽', '秘', '人', '綜', '管']), ri(113, 114), digits(7))


# ----------------------------------------------------------------- drawing
TOK = re.compile(r'[A-Za-z0-9@._\-/:+#,%*()&=○<]+|\s+|.', re.S)


def wrap(s, f, width):
    out = []
    for para in str(s).split('\n'):
        line = ''
        for t in TOK.findall(para):
            if line == '' or f.getlength(line + t) <= width:
                if line == '' and f.getlength(t) > width:
                    for ch in t:
                        if line and f.getlength(line + ch) > width:
                            out.append(line); line = ch
                        else:
                            line += ch
                else:
                    line += t
            else:
                out.append(line.rstrip()); line = t.lstrip()
        out.append(line)
    return out


class Page:
    def __init__(s, w, margin=70, bg=(255, 255, 255), min_h=0, ink=(25, 25, 25), maxh=6000):
        s.w, s.m, s.bg, s.ink, s.min_h = w, margin, bg, ink, min_h
        s.img = Image.new('RGB', (w, maxh), bg)
        s.d = ImageDraw.Draw(s.img)
        s.y = margin

    def text(s, t, size=28, kind='sans', color=None, align='l', indent=0, lh=1.5, x0=None, width=None):
        f = F(size, kind); color = color or s.ink
        x0 = s.m + indent if x0 is None else x0
        width = width or (s.w - s.m - x0)
        for ln in wrap(t, f, width):
            tw = f.getlength(ln)
            x = x0 if align == 'l' else (x0 + (width - tw) / 2 if align == 'c' else x0 + width - tw)
            s.d.text((x, s.y), ln, font=f, fill=color)
            s.y += int(size * lh)

    def gap(s, px):
        s.y += px

    def rule(s, width=2, color=None):
        s.d.line((s.m, s.y, s.w - s.m, s.y), fill=color or s.ink, width=width); s.y += width + 12

    def kv(s, pairs, size=28, kw=None, kind='sans', lh=1.55, color=None):
        f = F(size, kind)
        kw = kw or max(f.getlength(k) for k, _ in pairs) + 16
        for k, v in pairs:
            s.d.text((s.m, s.y), k, font=f, fill=s.ink)
            for ln in wrap(v, f, s.w - 2 * s.m - kw):
                s.d.text((s.m + kw, s.y), ln, font=f, fill=color or s.ink)
                s.y += int(size * lh)

    def table(s, rows, weights=None, size=26, head=True, kind='sans', hfill=(225, 225, 225), pad=10, lw=2,
              x0=None, width=None, center=False):
        x0 = s.m if x0 is None else x0
        width = width or s.w - 2 * s.m
        n = len(rows[0]); weights = weights or [1] * n; tot = sum(weights)
        cws = [width * w / tot for w in weights]
        f = F(size, kind); lh = int(size * 1.35)
        for k, row in enumerate(rows):
            cells = [wrap(str(c), f, cw - 2 * pad) for c, cw in zip(row, cws)]
            h = max(len(c) for c in cells) * lh + 2 * pad
            if head and k == 0 and hfill:
                s.d.rectangle((x0, s.y, x0 + width, s.y + h), fill=hfill)
            x = x0
            for c, cw in zip(cells, cws):
                yy = s.y + pad
                for ln in c:
                    xx = x + pad if not center else x + (cw - f.getlength(ln)) / 2
                    s.d.text((xx, yy), ln, font=f, fill=s.ink); yy += lh
                s.d.rectangle((x, s.y, x + cw, s.y + h), outline=s.ink, width=lw)
                x += cw
            s.y += h
        s.y += 12

    def done(s):
        h = min(max(s.y + s.m, s.min_h), s.img.height)
        return s.img.crop((0, 0, s.w, h))


def stamp(img, text, xy, size=80, color=(205, 30, 35), angle=None, shape='rect', alpha=210, kind='sansb'):
    f = F(size, kind)
    lines = text.split('\n')
    tw = max(f.getlength(l) for l in lines); th = len(lines) * size * 1.25
    pad = size * 0.35
    W = int(tw + 2 * pad + 10); H = int(th + 2 * pad + 10)
    if shape == 'circle':
        W = H = int(max(W, H) * 1.1)
    lay = Image.new('RGBA', (W, H), (0, 0, 0, 0))
    d = ImageDraw.Draw(lay)
    col = tuple(color) + (alpha,)
    bw = max(3, size // 12)
    if shape == 'rect':
        d.rectangle((3, 3, W - 4, H - 4), outline=col, width=bw)
    elif shape == 'circle':
        d.ellipse((3, 3, W - 4, H - 4), outline=col, width=bw)
    y = (H - th) / 2
    for l in lines:
        d.text(((W - f.getlength(l)) / 2, y), l, font=f, fill=col); y += size * 1.25
    if angle is None:
        angle = R.uniform(-12, 12)
    lay = lay.rotate(angle, expand=True, resample=Image.BICUBIC)
    img.paste(lay, (int(xy[0] - lay.width / 2), int(xy[1] - lay.height / 2)), lay)
    return img


def barcode(d, x, y, w, h, color=(0, 0, 0)):
    xx = x
    while xx < x + w:
        bw = ri(1, 4)
        if R.random() < .55:
            d.rectangle((xx, y, xx + bw, y + h), fill=color)
        xx += bw + ri(1, 3)


def qr(d, x, y, s, n=25):
    c = s / n
    for i in range(n):
        for j in range(n):
            fin = (i < 7 and j < 7) or (i < 7 and j >= n - 7) or (i >= n - 7 and j < 7)
            if fin:
                on = (i % 6 == 0 or j % 6 == 0 or (2 <= i % 6 <= 4 and 2 <= j % 6 <= 4)) if True else 0
                ii, jj = i if i < 7 else i - (n - 7), j if j < 7 else j - (n - 7)
                on = ii in (0, 6) or jj in (0, 6) or (2 <= ii <= 4 and 2 <= jj <= 4)
            else:
                on = R.random() < .5
            if on:
                d.rectangle((x + j * c, y + i * c, x + (j + 1) * c, y + (i + 1) * c), fill=(0, 0, 0))


def status_bar(w, dark=False):
    h = int(w * 0.06)
    bg, fg = ((10, 10, 10), (240, 240, 240)) if dark else ((247, 247, 247), (20, 20, 20))
    im = Image.new('RGB', (w, h), bg); d = ImageDraw.Draw(im)
    f = F(h * 0.5)
    d.text((w * 0.04, h * 0.22), pick(['09:41', '10:12', '下午 2:07', '上午 8:55', '14:33', '16:48', '21:05']), font=f, fill=fg)
    x = w * 0.70
    for k in range(4):
        bh = h * 0.15 * (k + 1)
        d.rectangle((x + k * h * 0.16, h * 0.75 - bh, x + k * h * 0.16 + h * 0.1, h * 0.75), fill=fg)
    d.text((x + h * 0.75, h * 0.22), pick(['4G', '5G', 'LTE']), font=f, fill=fg)
    bx = w * 0.86
    d.rectangle((bx, h * 0.3, bx + h * 0.9, h * 0.72), outline=fg, width=2)
    lvl = R.uniform(.2, .95)
    d.rectangle((bx + 3, h * 0.3 + 3, bx + 3 + (h * 0.9 - 6) * lvl, h * 0.72 - 3), fill=fg)
    d.text((bx + h, h * 0.22), '%d%%' % int(lvl * 100), font=F(h * 0.42), fill=fg)
    return im


# ----------------------------------------------------------------- renderers
def render_chat(title, msgs, w=None, theme=None):
    """msgs: ('D', text) date pill; ('L', sender, text, time); ('R', text, time); ('S', text) system."""
    w = w or pick([900, 1000, 1080])
    s = w / 1080
    H = min(1990, int(w * R.uniform(1.8, 2.15)))
    theme = theme or pick(['line', 'line', 'light', 'dark'])
    bgc = {'line': (139, 171, 216), 'light': (232, 236, 241), 'dark': (30, 32, 38)}[theme]
    sb = status_bar(w, dark=(theme == 'dark'))
    hh = int(130 * s); ib = int(120 * s)
    area = H - sb.height - hh - ib
    cv = Image.new('RGB', (w, 6000), bgc); d = ImageDraw.Draw(cv)
    y = int(24 * s)
    fsz = pick([32, 34, 36]) * s
    f = F(fsz); fn = F(24 * s); ft = F(22 * s)
    lh = int(fsz * 1.38); pad = int(22 * s)
    light_txt = (235, 235, 235) if theme == 'dark' else (60, 60, 60)
    for m in msgs:
        if m[0] == 'D' or m[0] == 'S':
            tw = fn.getlength(m[1])
            d.rounded_rectangle(((w - tw) / 2 - 20 * s, y, (w + tw) / 2 + 20 * s, y + 44 * s), radius=int(20 * s),
                                fill=(0, 0, 0) if theme == 'dark' else (110, 130, 160) if theme == 'line' else (200, 205, 212))
            d.text(((w - tw) / 2, y + 8 * s), m[1], font=fn, fill=(250, 250, 250))
            y += int(70 * s)
            continue
        if m[0] == 'L':
            _, who, txt, tm = m
        else:
            _, txt, tm = m
        maxw = int(w * 0.64)
        lines = wrap(txt, f, maxw - 2 * pad)
        bw = int(max(f.getlength(l) for l in lines) + 2 * pad); bh = len(lines) * lh + 2 * pad
        if m[0] == 'L':
            ax = int(22 * s); av = int(84 * s)
            col = tuple(ri(80, 220) for _ in range(3))
            d.ellipse((ax, y, ax + av, y + av), fill=col)
            d.text((ax + av * 0.28, y + av * 0.22), who[0], font=F(av * 0.45), fill=(255, 255, 255))
            bx = ax + av + int(18 * s)
            d.text((bx, y), who, font=fn, fill=light_txt)
            by = y + int(38 * s)
            d.rounded_rectangle((bx, by, bx + bw, by + bh), radius=int(26 * s),
                                fill=(60, 62, 70) if theme == 'dark' else (255, 255, 255))
            tc = (240, 240, 240) if theme == 'dark' else (15, 15, 15)
            d.text((bx + bw + 10 * s, by + bh - 30 * s), tm, font=ft, fill=light_txt)
        else:
            bx = w - int(24 * s) - bw; by = y
            d.rounded_rectangle((bx, by, bx + bw, by + bh), radius=int(26 * s), fill=(133, 224, 96))
            tc = (15, 15, 15)
            d.text((bx - 80 * s, by + bh - 60 * s), '已讀', font=ft, fill=light_txt)
            d.text((bx - 80 * s, by + bh - 30 * s), tm, font=ft, fill=light_txt)
        yy = by + pad
        for l in lines:
            d.text((bx + pad, yy), l, font=f, fill=tc); yy += lh
        y = by + bh + int(30 * s)
    ch = y
    if ch > area:
        body = cv.crop((0, ch - area, w, ch))
    else:
        body = cv.crop((0, 0, w, area))
    out = Image.new('RGB', (w, H), bgc)
    out.paste(sb, (0, 0))
    hd = Image.new('RGB', (w, hh), (40, 44, 52) if theme == 'dark' else (255, 255, 255))
    dh = ImageDraw.Draw(hd)
    hc = (240, 240, 240) if theme == 'dark' else (20, 20, 20)
    dh.text((26 * s, hh * 0.22), '<', font=F(54 * s), fill=hc)
    dh.text((95 * s, hh * 0.26), '%s (%d)' % (title, ri(3, 48)), font=F(40 * s, 'sansb'), fill=hc)
    out.paste(hd, (0, sb.height))
    out.paste(body, (0, sb.height + hh))
    dd = ImageDraw.Draw(out)
    dd.rectangle((0, H - ib, w, H), fill=(40, 44, 52) if theme == 'dark' else (255, 255, 255))
    dd.rounded_rectangle((150 * s, H - ib + 22 * s, w - 150 * s, H - 22 * s), radius=int(36 * s),
                         fill=(70, 72, 80) if theme == 'dark' else (238, 238, 238))
    dd.text((175 * s, H - ib + 36 * s), 'Aa', font=F(34 * s), fill=(150, 150, 150))
    dd.text((40 * s, H - ib + 30 * s), '+', font=F(50 * s), fill=(150, 150, 150))
    return out


def render_app(sys_title, build, w=None, nav=None, url=None, color=None, min_h=900):
    """Desktop web system screenshot; build(page) draws the main content."""
    w = w or pick([1440, 1600, 1680])
    color = color or pick([(20, 70, 130), (0, 110, 100), (120, 40, 40), (60, 60, 90), (30, 100, 160)])
    chrome = 100
    navw = 260 if nav else 0
    pg = Page(w - navw, margin=40, min_h=min_h - chrome - 80)
    build(pg)
    body = pg.done()
    H = chrome + 80 + body.height
    out = Image.new('RGB', (w, H), (255, 255, 255)); d = ImageDraw.Draw(out)
    d.rectangle((0, 0, w, 48), fill=(222, 225, 230))
    d.rounded_rectangle((20, 6, 360, 48), radius=10, fill=(255, 255, 255))
    d.text((40, 12), sys_title[:12], font=F(22), fill=(40, 40, 40))
    d.rectangle((0, 48, w, chrome), fill=(245, 246, 248))
    d.rounded_rectangle((120, 56, w - 200, 92), radius=16, fill=(255, 255, 255), outline=(200, 200, 200))
    d.text((140, 60), url or 'https://%s.gov.tw/%s' % (pick(['ris', 'eservice', 'sys', 'intra', 'portal']),
                                                        pick(['query', 'main.aspx', 'index', 'case/list'])),
           font=F(22), fill=(90, 90, 90))
    d.rectangle((0, chrome, w, chrome + 80), fill=color)
    d.text((30, chrome + 18), sys_title, font=F(36, 'sansb'), fill=(255, 255, 255))
    d.text((w - 420, chrome + 26), '使用者：%s%s  登出' % (pick(['A', 'P', 'U']), digits(5)), font=F(24),
           fill=(230, 230, 230))
    if nav:
        d.rectangle((0, chrome + 80, navw, H), fill=(236, 239, 243))
        yy = chrome + 110
        for it in nav:
            d.text((24, yy), it, font=F(26), fill=(40, 40, 40)); yy += 56
    out.paste(body, (navw, chrome + 80))
    return out


def render_slide(title, bullets, footer=None, theme=None, w=1600, h=900, size=None):
    theme = theme or pick(['blue', 'white', 'green', 'dark', 'orange'])
    th = {'blue': ((255, 255, 255), (25, 75, 150), (255, 255, 255), (25, 25, 25)),
          'white': ((250, 250, 250), (250, 250, 250), (20, 40, 90), (30, 30, 30)),
          'green': ((246, 250, 244), (40, 120, 70), (255, 255, 255), (25, 40, 25)),
          'dark': ((35, 40, 50), (20, 25, 32), (255, 210, 80), (235, 235, 235)),
          'orange': ((255, 252, 245), (220, 110, 30), (255, 255, 255), (40, 30, 20))}[theme]
    bg, tb, tc, bc = th
    im = Image.new('RGB', (w, h), bg); d = ImageDraw.Draw(im)
    d.rectangle((0, 0, w, 150), fill=tb)
    ft = F(56, 'sansb')
    d.text((60, 40), wrap(title, ft, w - 120)[0], font=ft, fill=tc)
    if theme == 'white':
        d.line((60, 140, w - 60, 140), fill=(200, 40, 40), width=5)
    size = size or 40
    while True:
        f = F(size)
        tot = sum(len(wrap(b, f, w - 200)) for b in bullets) * size * 1.45 + len(bullets) * 14
        if tot < h - 260 or size <= 28:
            break
        size -= 2
    y = 190
    for b in bullets:
        sub = b.startswith('  ')
        ls = wrap(b.strip(), f, w - 200 - (60 if sub else 0))
        d.text((70 + (60 if sub else 0), y), '–' if sub else '●', font=f, fill=tb if theme not in ('white', 'dark') else (200, 60, 40))
        for l in ls:
            d.text((120 + (60 if sub else 0), y), l, font=f, fill=bc); y += int(size * 1.45)
        y += 14
    if footer:
        d.text((60, h - 60), footer, font=F(24), fill=(120, 120, 120))
    d.text((w - 100, h - 60), str(ri(2, 40)), font=F(24), fill=(120, 120, 120))
    return im


def render_whiteboard(lines, w=1600, h=1100):
    im = Image.new('RGB', (w, h), (236, 238, 236))
    a = np.asarray(im).astype(np.float32)
    gx = np.linspace(0, 1, w)[None, :, None]; gy = np.linspace(0, 1, h)[:, None, None]
    a = a * (0.93 + 0.07 * gx) * (0.95 + 0.05 * gy)
    im = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    d = ImageDraw.Draw(im)
    d.rectangle((0, 0, w - 1, h - 1), outline=(160, 160, 165), width=22)
    y = 60
    cols = [(20, 40, 160), (20, 20, 20), (190, 30, 30), (20, 120, 50)]
    for k, ln in enumerate(lines):
        sz = ri(48, 58) if k == 0 else ri(38, 46)
        f = F(sz, 'wqy')
        col = pick(cols) if k else (20, 40, 160)
        for part in wrap(ln, f, w - 220):
            lay = Image.new('RGBA', (int(f.getlength(part)) + 20, int(sz * 1.5)), (0, 0, 0, 0))
            ImageDraw.Draw(lay).text((10, 5), part, font=f, fill=col + (235,))
            lay = lay.rotate(R.uniform(-2.5, 2.5), expand=True, resample=Image.BICUBIC)
            x = 70 + ri(0, 40) + (0 if k == 0 else 20)
            im.paste(lay, (x, y), lay)
            y += int(sz * 1.45)
        if k == 0:
            d.line((70, y, 70 + min(w - 200, int(f.getlength(ln))), y + ri(-8, 8)), fill=col, width=4)
            y += 20
        if y > h - 80:
            break
    return im


def card_base(w, h, col, pattern=True):
    im = Image.new('RGB', (w, h), col); d = ImageDraw.Draw(im)
    if pattern:
        c2 = tuple(max(0, c - 18) for c in col)
        for k in range(0, h, 14):
            pts = [(x, k + 6 * math.sin(x / 40.0 + k)) for x in range(0, w, 20)]
            d.line(pts, fill=c2, width=1)
    mask = Image.new('L', (w, h), 0)
    ImageDraw.Draw(mask).rounded_rectangle((0, 0, w - 1, h - 1), radius=36, fill=255)
    out = Image.new('RGB', (w, h), (255, 255, 255)); out.paste(im, (0, 0), mask)
    return out, ImageDraw.Draw(out)


def face(d, x, y, w, h):
    d.rectangle((x, y, x + w, y + h), fill=(200, 205, 212))
    d.ellipse((x + w * .28, y + h * .14, x + w * .72, y + h * .56), fill=(150, 120, 100))
    d.pieslice((x + w * .1, y + h * .58, x + w * .9, y + h * 1.3), 180, 360, fill=(60, 70, 90))


def mrz_cd(s):
    v = 0
    for i, c in enumerate(s):
        n = int(c) if c.isdigit() else (ord(c) - 55 if c.isalpha() else 0)
        v += n * [7, 3, 1][i % 3]
    return str(v % 10)


# ----------------------------------------------------------------- photographic finishing
def persp_coeffs(src, dst):
    A, B = [], []
    for (x, y), (X, Y) in zip(dst, src):
        A.append([x, y, 1, 0, 0, 0, -X * x, -X * y]); B.append(X)
        A.append([0, 0, 0, x, y, 1, -Y * x, -Y * y]); B.append(Y)
    return np.linalg.solve(np.array(A, float), np.array(B, float)).tolist()


def make_bg(W, H, kind):
    base = {'desk': (150, 112, 74), 'gray': (118, 120, 126), 'white': (214, 212, 204), 'dark': (34, 35, 40),
            'green': (54, 110, 80), 'cloth': (70, 80, 110)}[kind]
    sm = NP.normal(0, 1, (12, 16, 1)).astype(np.float32)
    sm = np.asarray(Image.fromarray(((sm[:, :, 0] * 30) + 128).clip(0, 255).astype(np.uint8)).resize((W, H), Image.BILINEAR),
                    np.float32)[:, :, None] - 128
    a = np.array(base, np.float32)[None, None, :] + sm * 0.6
    if kind == 'desk':
        ys = np.arange(H, dtype=np.float32)[:, None, None]
        a = a + 12 * np.sin(ys / R.uniform(6, 14) + np.sin(np.arange(W)[None, :, None] / 90.0) * 3)
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))


def to_photo(img, skew, bgkind=None, margin=None):
    w, h = img.size
    m = margin if margin is not None else R.uniform(0.05, 0.14)
    W, H = int(w * (1 + 2 * m)), int(h * (1 + 2 * m))
    bg = make_bg(W, H, bgkind or pick(['desk', 'gray', 'white', 'dark', 'green', 'cloth']))
    ox, oy = w * m, h * m
    base = [(ox, oy), (ox + w, oy), (ox + w, oy + h), (ox, oy + h)]
    j = skew
    dst = [(x + R.uniform(-j, j) * w, y + R.uniform(-j, j) * h) for x, y in base]
    if R.random() < 0.5 and j > 0.03:  # keystone: one edge clearly shorter
        k = R.uniform(0.5, 1.0) * j * w
        if R.random() < .5:
            dst[0] = (dst[0][0] + k, dst[0][1]); dst[1] = (dst[1][0] - k, dst[1][1])
        else:
            dst[3] = (dst[3][0] + k, dst[3][1]); dst[2] = (dst[2][0] - k, dst[2][1])
    dst = [(min(max(x, 2), W - 3), min(max(y, 2), H - 3)) for x, y in dst]
    co = persp_coeffs([(0, 0), (w, 0), (w, h), (0, h)], dst)
    warped = img.convert('RGBA').transform((W, H), Image.PERSPECTIVE, co, Image.BICUBIC)
    sh = Image.new('L', (W, H), 0)
    ImageDraw.Draw(sh).polygon([(x + 10, y + 14) for x, y in dst], fill=110)
    sh = sh.filter(ImageFilter.BoxBlur(14))
    bg = Image.composite(Image.new('RGB', (W, H), (10, 10, 10)), bg, sh)
    bg.paste(warped, (0, 0), warped)
    scale = min(math.dist(dst[0], dst[1]) / w, math.dist(dst[3], dst[2]) / w,
                math.dist(dst[0], dst[3]) / h, math.dist(dst[1], dst[2]) / h)
    return bg, scale


def lighting(img, strength, warm=True):
    w, h = img.size
    a = np.asarray(img).astype(np.float32)
    xs = np.linspace(-1, 1, w, dtype=np.float32)[None, :]; ys = np.linspace(-1, 1, h, dtype=np.float32)[:, None]
    cx, cy = R.uniform(-1, 1), R.uniform(-1, 1)
    if R.random() < .5:
        g = 1 - strength * np.clip(((xs - cx) ** 2 + (ys - cy) ** 2) / 2.5, 0, 1)
    else:
        ang = R.uniform(0, 2 * math.pi)
        t = (xs * math.cos(ang) + ys * math.sin(ang) + 1.5) / 3
        g = 1 - strength * t
    if R.random() < .35:  # hand/phone shadow blob
        sx, sy = R.uniform(-.8, .8), R.uniform(-.8, .8)
        g = g * (1 - 0.35 * strength * (((xs - sx) ** 2 + (ys - sy) ** 2) < R.uniform(.05, .2)))
    a = a * g[:, :, None]
    if warm:
        a = a * np.array([1.03, 1.0, 0.93], np.float32)[None, None, :]
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))


def add_noise(img, sigma):
    a = np.asarray(img).astype(np.int16)
    n = NP.normal(0, sigma, a.shape[:2] + (1,)).astype(np.int16)
    return Image.fromarray(np.clip(a + n, 0, 255).astype(np.uint8))


def scan_fx(img):
    g = ImageOps.grayscale(img) if R.random() < .5 else img
    g = g.convert('RGB')
    a = np.asarray(g).astype(np.float32) * R.uniform(0.9, 1.0) + R.uniform(0, 12)
    g = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    g = g.rotate(R.uniform(-1.8, 1.8), expand=True, fillcolor=(250, 250, 250), resample=Image.BICUBIC)
    return add_noise(g, 4)


def viewer(img):
    w = pick([1080, 1000, 900])
    H = min(1990, int(w * R.uniform(1.8, 2.15)))
    out = Image.new('RGB', (w, H), (0, 0, 0))
    sb = status_bar(w, dark=True); out.paste(sb, (0, 0))
    d = ImageDraw.Draw(out)
    d.text((30, sb.height + 20), '<   %d/%d' % (ri(1, 5), ri(5, 12)), font=F(34), fill=(230, 230, 230))
    top = sb.height + 100; bot = 130
    s = min(w / img.width, (H - top - bot) / img.height)
    im2 = img.resize((int(img.width * s), int(img.height * s)), Image.LANCZOS)
    out.paste(im2, ((w - im2.width) // 2, top + (H - top - bot - im2.height) // 2))
    d.text((40, H - 90), '分享      編輯      收藏      刪除', font=F(30), fill=(220, 220, 220))
    return out, s


def monitor_photo(img):
    w, h = img.size
    fr = Image.new('RGB', (w + 60, h + 60), (25, 25, 28)); fr.paste(img, (30, 30))
    a = np.asarray(fr).astype(np.float32)
    a = a * np.array([0.92, 0.97, 1.06])[None, None, :]
    ys = np.arange(a.shape[0])[:, None, None]
    a = a * (0.94 + 0.06 * np.sin(ys / R.uniform(2.5, 4.5)))
    fr = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    out, sc = to_photo(fr, R.uniform(0.03, 0.08), 'dark', margin=R.uniform(.04, .1))
    out = lighting(out, R.uniform(.1, .3), warm=False)
    return out, sc


STYLES = {
    'paper': ['scan', 'photo', 'photo', 'photo_skew', 'rot90', 'rot180', 'blur', 'noisy', 'uneven_light', 'cropped',
              'lowq_jpeg', 'screenshot', 'digital'],
    'card': ['photo', 'photo', 'photo_skew', 'rot90', 'rot180', 'blur', 'noisy', 'uneven_light', 'cropped', 'lowq_jpeg'],
    'app': ['digital', 'digital', 'monitor_photo', 'monitor_photo', 'lowq_jpeg', 'cropped', 'rot90'],
    'chat': ['digital', 'digital', 'digital', 'lowq_jpeg', 'cropped', 'photo', 'rot90', 'blur'],
    'slide': ['digital', 'photo', 'photo_skew', 'blur', 'uneven_light', 'lowq_jpeg', 'rot180', 'noisy'],
    'board': ['photo', 'photo_skew', 'uneven_light', 'blur', 'noisy', 'lowq_jpeg', 'rot90'],
    'scene': ['photo', 'digital', 'lowq_jpeg', 'blur', 'photo_skew', 'rot90', 'noisy'],
}


def finish(img, style, family):
    """Return (image, ext, quality, effects list)."""
    fx = []
    scale = 1.0
    q = None
    ext = 'png'
    post_blur = post_noise = 0
    rot = None
    if style == 'digital':
        ext = pick(['png', 'png', 'jpg']); q = ri(80, 92)
    elif style == 'screenshot':
        img, scale = viewer(img); fx.append('gallery viewer w/ status bar')
        ext = pick(['png', 'jpg']); q = ri(70, 90)
    elif style == 'scan':
        img = scan_fx(img); fx.append('scanner'); ext = 'jpg'; q = ri(70, 90)
    elif style == 'monitor_photo':
        img, scale = monitor_photo(img); fx.append('photo of monitor'); ext = 'jpg'; q = ri(65, 90)
    else:
        if style == 'lowq_jpeg' and family in ('app', 'chat') and R.random() < .6:
            pass
        elif family in ('app', 'chat') and style not in ('photo', 'rot90', 'uneven_light'):
            pass
        else:
            skew = R.uniform(0.07, 0.12) if style == 'photo_skew' else R.uniform(0.01, 0.05)
            bgk = 'dark' if family in ('slide', 'chat', 'app') else None
            img, scale = to_photo(img, skew, bgk); fx.append('photo skew=%.2f' % skew)
            img = lighting(img, R.uniform(.45, .65) if style == 'uneven_light' else R.uniform(.05, .25))
            if style == 'uneven_light':
                fx.append('strong uneven light')
        ext = 'jpg'; q = ri(70, 92)
        if style == 'blur':
            post_blur = R.uniform(1.0, 1.7)
        if style == 'noisy':
            post_noise = R.uniform(10, 18)
        if style == 'rot90':
            rot = pick([Image.ROTATE_90, Image.ROTATE_270])
        if style == 'rot180':
            rot = Image.ROTATE_180
        if style == 'lowq_jpeg':
            q = ri(30, 60)
        if style == 'cropped':
            w, h = img.size
            l = int(w * R.uniform(0, .09)); t = int(h * R.uniform(0, .09))
            r_ = int(w * R.uniform(0, .09)); b = int(h * R.uniform(0, .09))
            k = ri(0, 3)
            box = [l if k != 0 else 0, t if k != 1 else 0, w - (r_ if k != 2 else 0), h - (b if k != 3 else 0)]
            img = img.crop(box); fx.append('cropped edges')
    if style == 'rot180' and family in ('paper',) and 'scanner' not in fx and R.random() < .3:
        pass
    # final size: long side within [800, 2000], smallest glyph >= 17 px where possible
    cur = max(img.size)
    need = 17.0 / (MINF[0] * scale)
    lo = max(800, int(cur * need) + 1)
    hi = 2000
    if lo > hi:
        L = hi; fx.append('WARN small glyphs')
    else:
        L = pick([hi, min(hi, max(lo, 1280)), min(hi, max(lo, 1600)), ri(lo, hi)])
    if R.random() < .25 and lo <= cur <= hi:
        L = cur
    if L != cur:
        s2 = L / cur
        img = img.resize((max(1, int(img.width * s2)), max(1, int(img.height * s2))), Image.LANCZOS)
        scale *= s2
    if post_blur:
        img = img.filter(ImageFilter.GaussianBlur(post_blur * max(1.0, MINF[0] * scale / 22))); fx.append('gaussian blur')
    if post_noise:
        img = add_noise(img, post_noise); fx.append('noise')
    elif 'photo' in ' '.join(fx):
        img = add_noise(img, R.uniform(2, 5))
    if rot is not None:
        img = img.transpose(rot); fx.append({Image.ROTATE_90: 'rot90', Image.ROTATE_270: 'rot270',
                                             Image.ROTATE_180: 'rot180'}[rot])
    if ext == 'jpg':
        fx.append('jpeg q%d' % q)
    fx.append('glyph>=%.0fpx' % (MINF[0] * scale))
    return img, ext, q, fx


# =================================================================== CONTENT: ordinary (allow) images
def D(img, family, doc, note, types=(), **kw):
    d = dict(img=img, family=family, doc=doc, note=note, types=list(types)); d.update(kw); return d


def letter_head(pg, ag, title='函'):
    pg.text('%s %s' % (ag[0], title), size=pick([44, 48]), kind=pick(['serifb', 'sansb']), align='c')
    pg.gap(10)


def a_whiteboard():
    topic = pick(['週會待辦事項', '年度活動籌備分工', '專案進度追蹤', '環境教育月 規劃', '系統上線前檢查', '防汛整備工作'])
    items = pick([
        ['1. 預算初稿 → 3/15 前交會計室', '2. 場地：第二會議室 (已借)', '3. 宣導品 500 份 詢價 3 家', '4. 長官致詞稿 秘書室',
         '5. 下次開會 4/2 (三) 14:00'],
        ['* 帳號權限盤點 (資訊室)', '* 測試環境 5/20 凍結', '* 教育訓練 2 梯次', '* 問題單 → 統一窗口', '* 上線日 6/3 ?'],
        ['A. 報名表 → 網路表單', 'B. 志工 12 人 分 3 組', 'C. 雨備：活動中心 B1', 'D. 保險 要問廠商', 'E. 新聞稿 前一週發'],
        ['抽水機 檢查 8 台 OK', '沙包 補 300 包', '通報群組 更新', '颱風假 值班 依排班表', '防汛演練 6/12 上午'],
        ['KPI：結案率 95% ↑', '平均處理 3.2 天', '待辦：標準作業流程修訂', '下月：滿意度調查', '問題：人力不足 → 申請約僱'],
    ])
    if R.random() < .35:
        items = items[:3] + pick([['※ 個資不要貼群組！用公文系統'], ['※ 保密：不在LINE傳公文附件'], ['※ 民眾電話一律不外流']])
    return D(render_whiteboard([topic] + items), 'board', 'whiteboard meeting notes',
             'work to-do list on a whiteboard, no personal data')


def a_slide_work():
    t = pick(['113年度業務執行報告', '數位轉型推動進度', '為民服務績效檢討', '節能減碳執行成果', '1999 陳情案件分析',
              '年度預算執行情形', '智慧城市計畫期中報告'])
    bl = pick([
        ['計畫執行率 87.5%，較去年同期提升 6.2%', '完成 12 場次社區說明會', '  參與人數累計 1,386 人次', '待改善：採購流程時程過長',
         '下階段：6 月底前完成期中查核'],
        ['線上申辦案件數 45,210 件 (成長 18%)', '臨櫃平均等候時間 8 分鐘', '滿意度調查 92.3 分', '  抽樣 1,200 份，信賴水準 95%',
         '建議：擴充行動支付繳費'],
        ['用電量較基準年下降 11.4%', '汰換 LED 燈具 2,300 盞', '公務車電動化 15 輛', '  充電樁 6 座已完工', '下年度目標：再降 5%'],
    ])
    ag = agency()
    return D(render_slide(t, bl, footer=ag[0]), 'slide', 'meeting slide', 'work statistics slide, aggregate numbers only')


def a_agenda():
    ag = agency()
    pg = Page(1240, min_h=1500)
    pg.text('%s %d年度第%d次%s 議程' % (ag[0], ri(113, 114), ri(1, 12), pick(['業務會報', '主管會報', '工作檢討會', '局務會議'])),
            size=40, kind='sansb', align='c')
    pg.gap(20)
    pg.text('時間：%d年%d月%d日(%s) 上午9時30分' % (ri(113, 114), ri(1, 12), ri(1, 28), pick('一二三四五')), size=30)
    pg.text('地點：本%s %d樓第%s會議室' % (pick(['局', '處', '署']), ri(2, 12), pick('一二三')), size=30)
    n1, n2 = name(), name()
    pg.text('主持人：%s %s' % (pick(['局長', '處長', '副局長', '主任秘書']), n1), size=30)
    pg.gap(20)
    rows = [['時間', '議程', '報告單位']]
    t = 9 * 60 + 30
    for it, u in [('主席致詞', '—'), ('上次會議決議事項辦理情形', pick(UNITS)), ('業務報告', '各科室'),
                  ('提案討論：%s' % pick(['辦公廳舍修繕', '年度宣導活動', '資安稽核缺失改善', '公務車輛調度']), pick(UNITS)),
                  ('臨時動議', '—'), ('散會', '')]:
        rows.append(['%02d:%02d' % (t // 60, t % 60), it, u]); t += ri(10, 40)
    pg.table(rows, [2, 6, 3], size=28)
    pg.text('聯絡人：%s %s　電話：%s' % (pick(UNITS), n2, office_line()), size=26)
    return D(pg.done(), 'paper', 'meeting agenda', 'agenda naming chair and contact official with office line')


def a_roster():
    ag = agency()
    pg = Page(pick([1240, 1400]), min_h=1400)
    y, m = ri(113, 114), ri(1, 12)
    pg.text('%s %s %d年%d月 %s' % (ag[0], pick(UNITS), y, m, pick(['值日輪值表', '假日值班表', '防汛值班表'])), size=38,
            kind='sansb', align='c')
    pg.gap(16)
    rows = [['日期', '星期', '值班人員', '分機', '代理人']]
    d0 = ri(1, 10)
    for k in range(ri(8, 14)):
        rows.append(['%d/%d' % (m, d0 + k), '日一二三四五六'[(d0 + k) % 7], name(), str(ri(1000, 8999)), name()])
    pg.table(rows, [2, 1.4, 3, 2, 3], size=28, center=True)
    pg.text('備註：值班時間 08:00–17:00，如需調班請於3日前通知人事室（分機%d）。值班電話：%s' % (ri(100, 999), landline()),
            size=26)
    return D(pg.done(), 'paper', 'staff duty roster', 'names of staff with office extensions only (internal roster)')


def a_extlist():
    ag = agency()
    pg = Page(1240, min_h=1500)
    pg.text('%s 分機表（%d年%d月更新）' % (ag[0], ri(113, 114), ri(1, 12)), size=38, kind='sansb', align='c')
    pg.text('總機：%s　傳真：%s' % (landline(), landline()), size=28, align='c')
    rows = [['單位', '職稱', '姓名', '分機', '公務信箱']]
    for u in R.sample(UNITS, 4):
        for k in range(ri(2, 3)):
            n, t = official()
            rows.append([u, t, n, str(ri(1000, 8999)), gov_email(ag[1])])
    pg.table(rows, [2, 2, 2, 1.4, 4.4], size=25)
    return D(pg.done(), 'paper', 'office extension list', 'officials with office extensions and office e-mail (business contact)')


def a_notice():
    ag = agency()
    pg = Page(1240, min_h=1650)
    pg.text('%s 公告' % ag[0], size=48, kind='serifb', align='c')
    pg.text('發文日期：中華民國%d年%d月%d日　發文字號：%s' % (roc_now() + (docno(ag[3]),)), size=24, align='r')
    pg.gap(20)
    subj = pick([('主旨：公告本市%s%s停水。' % (pick([c[1][0] for c in CITY]), pick(ROAD)),
                  ['依據：自來水事業處%d年%d月%d日函辦理。' % roc_now(), '停水時間：%d月%d日 22:00 至翌日 06:00。' % (ri(1, 12), ri(1, 28)),
                   '停水範圍：%s%s一帶，請用戶事先儲水。' % (pick(ROAD), pick(['一段', '二段', ''])),
                   '洽詢電話：%s' % office_line()]),
                 ('主旨：公告「%d年度低收入戶調查」受理申請期間。' % ri(113, 114),
                  ['受理期間：%d月%d日至%d月%d日。' % (ri(1, 6), ri(1, 28), ri(7, 12), ri(1, 28)),
                   '申請地點：戶籍所在地區公所社會課。', '應備文件：申請表、戶口名簿影本、存摺封面影本。',
                   '諮詢專線：%s' % office_line()]),
                 ('主旨：公告%s道路施工交通管制。' % pick(ROAD),
                  ['施工期間：%d年%d月%d日起至%d月%d日止，每日09:00–16:00。' % (roc_now() + (ri(1, 12), ri(1, 28))),
                   '管制範圍：%s與%s路口周邊，請改道行駛。' % (pick(ROAD), pick(ROAD)), '施工單位：%s' % pick(COMPANY),
                   '聯絡人：%s　電話：%s' % (name(), office_line())])])
    pg.text(subj[0], size=32, kind='serif')
    pg.text('說明：', size=32, kind='serif')
    for k, it in enumerate(subj[1]):
        pg.text('%s、%s' % ('一二三四五'[k], it), size=30, kind='serif', indent=40)
    pg.gap(60)
    pg.text('%s %s' % (pick(['局長', '處長', '署長', '主任']), name()), size=52, kind='serifb', align='r')
    img = pg.done()
    stamp(img, ag[0][:5] + '\n印', (img.width - 220, img.height - 300), size=40, color=(200, 40, 40), shape='rect')
    return D(img, 'paper', 'public notice (公告)', 'published notice with signing official and office line')


def a_letter():
    ag = agency()
    pg = Page(1240, min_h=1754)
    letter_head(pg, ag)
    n, t = official()
    pg.kv([('地址：', ag[2]), ('承辦人：', n), ('電話：', office_line()), ('傳真：', landline()),
           ('電子信箱：', gov_email(ag[1]))], size=24, kw=150)
    pg.gap(10)
    pg.text('受文者：%s' % pick(['各區公所', '本府各機關', '%s' % pick(COMPANY), '如正副本行文單位']), size=30, kind='serif')
    pg.kv([('發文日期：', '中華民國%d年%d月%d日' % roc_now()), ('發文字號：', docno(ag[3])), ('速別：', '普通件'),
           ('密等及解密條件或保密期限：', pick(['', '普通'])), ('附件：', pick(['如主旨', '無', '實施計畫1份']))],
          size=24, kind='serif')
    pg.gap(10)
    subj = pick(['檢送本%s%d年度環境教育宣導活動實施計畫1份，請查照。' % (pick(['局', '府']), ri(113, 114)),
                 '有關貴所函詢路燈維修案，復如說明，請查照。', '請轉知所屬踴躍參加「公務機密維護」講習，請查照。',
                 '修正「本府公務車輛管理要點」，自即日生效，請查照。', '函轉行政院有關加強個人資料保護之宣導資料，請周知。',
                 '檢送本局%d年%d月%d日召開「防汛整備會議」紀錄1份，請查照。' % roc_now()])
    pg.text('主旨：' + subj, size=32, kind='serif')
    pg.text('說明：', size=32, kind='serif')
    for k, it in enumerate(pick([
        ['依據%s%d年%d月%d日函辦理。' % ((pick(['行政院', '內政部', '法務部廉政署']),) + roc_now()),
         '為落實公務機密維護，請各單位落實文書保密，機敏文件不得以即時通訊軟體傳送。',
         '講習資訊請逕至本府訓練網報名，洽詢電話：%s。' % office_line()],
        ['本案經派員會勘，確認路燈%d盞損壞，已排定於%d月%d日前修復。' % (ri(2, 9), ri(1, 12), ri(1, 28)),
         '後續如有問題，請逕洽本局承辦人。'],
        ['旨揭要點修正重點：公務車使用應填具派車單，並逐日登載行車紀錄。', '請各單位轉知所屬確實遵守。']])):
        pg.text('%s、%s' % ('一二三四'[k], it), size=30, kind='serif', indent=40)
    pg.text('正本：%s' % pick(['各區公所', '本府各一級機關']), size=26, kind='serif')
    pg.text('副本：%s' % pick(['本局%s' % pick(UNITS), '本府秘書處']), size=26, kind='serif')
    pg.gap(40)
    pg.text('%s %s' % (pick(['局長', '處長', '署長']), name()), size=54, kind='serifb', align='r')
    return D(pg.done(), 'paper', 'official letter (函)', 'official letter naming case officer with office phone/e-mail; no private data')


def a_meeting_notice():
    ag = agency()
    pg = Page(1240, min_h=1700)
    letter_head(pg, ag, '開會通知單')
    pg.kv([('受文者：', pick(['如行文單位', '本府各機關'])), ('發文日期：', '中華民國%d年%d月%d日' % roc_now()),
           ('發文字號：', docno(ag[3])), ('速別：', '普通件'), ('密等及解密條件或保密期限：', ''), ('附件：', '議程1份')],
          size=26, kind='serif')
    pg.gap(10)
    pg.kv([('開會事由：', pick(['研商%d年度公務機密維護宣導計畫' % ri(113, 114), '召開資訊安全管理審查會議', '辦理災害防救演練協調會',
                                '研商社會住宅招租作業'])),
           ('開會時間：', '%d年%d月%d日(星期%s)下午2時30分' % (ri(113, 114), ri(1, 12), ri(1, 28), pick('一二三四五'))),
           ('開會地點：', '本%s%d樓%s會議室' % (pick(['府', '局']), ri(2, 12), pick(['第一', '簡報', '大型']))),
           ('主持人：', '%s %s' % (pick(['副局長', '主任秘書', '處長']), name())),
           ('聯絡人及電話：', '%s %s' % (name(), office_line())),
           ('出席者：', '、'.join(R.sample(UNITS, 4))), ('列席者：', '本局%s' % pick(UNITS)),
           ('備註：', '請準時出席，會議資料請自行攜帶。')], size=30, kind='serif', kw=230)
    return D(pg.done(), 'paper', 'meeting notice (開會通知單)', 'meeting notice with chair and contact official')


def a_hotline_poster():
    w, h = 1200, 1700
    col = pick([(230, 60, 50), (20, 90, 170), (0, 130, 110), (240, 150, 20)])
    pg = Page(w, margin=80, bg=(252, 250, 244), min_h=h)
    pg.d.rectangle((0, 0, w, 260), fill=col)
    kind_ = pick(['1999', '165', 'ethics', '113', 'ethics'])
    if kind_ == '1999':
        pg.text('市民當家熱線 1999', size=78, kind='sansb', color=(255, 255, 255), align='c')
        pg.gap(120)
        for t in ['24小時全年無休', '路燈故障、路面坑洞、噪音檢舉', '外縣市請撥：%s' % landline(), '網路陳情：https://1999.gov.taipei']:
            pg.text(t, size=50, align='c'); pg.gap(20)
    elif kind_ == '165':
        pg.text('反詐騙諮詢專線 165', size=76, kind='sansb', color=(255, 255, 255), align='c')
        pg.gap(120)
        for t in ['解除分期付款 = 詐騙', '猜猜我是誰 = 詐騙', '網路購物 要求操作ATM = 詐騙', '有疑問 立即撥打 165', '內政部警政署 關心您']:
            pg.text(t, size=50, align='c'); pg.gap(20)
    elif kind_ == '113':
        pg.text('保護專線 113', size=80, kind='sansb', color=(255, 255, 255), align='c')
        pg.gap(120)
        for t in ['家庭暴力、性侵害、兒少保護', '發現疑似個案 請撥 113', '通報者身分依法保密', '衛生福利部 廣告']:
            pg.text(t, size=50, align='c'); pg.gap(20)
    else:
        ag = agency()
        pg.text('%s 政風室' % ag[0], size=54, kind='sansb', color=(255, 255, 255), align='c')
        pg.text('廉政檢舉管道', size=60, kind='sansb', color=(255, 255, 255), align='c')
        pg.gap(80)
        for t in ['檢舉專線：%s' % landline(), '免付費專線：0800-%s-%s' % (digits(3), digits(3)), '檢舉信箱：%s' % gov_email(ag[1]),
                  '傳真：%s' % landline(), '親自檢舉：%s %d樓 政風室' % (ag[2], ri(2, 9)),
                  '檢舉人身分絕對保密', '法務部廉政署 0800-286-586']:
            pg.text(t, size=44, align='c'); pg.gap(16)
    return D(pg.done(), 'paper', 'hotline poster', 'public hotline poster (%s); public numbers only' % kind_)


def a_award_notice():
    ag = agency()
    pg = Page(1240, min_h=1650)
    pg.text('決標公告', size=46, kind='sansb', align='c')
    pg.text('公告日：%d/%02d/%02d' % roc_now(), size=26, align='r')
    amt = ri(30, 900) * 10000
    base = int(amt * R.uniform(1.0, 1.1) / 1000) * 1000
    c = pick(COMPANY)
    rows = [['機關名稱', ag[0]], ['單位名稱', pick(UNITS)], ['標案案號', '%d%s' % (ri(113, 114), digits(4))],
            ['標案名稱', pick(['%d年度辦公廳舍清潔勞務', '%d年度資訊設備維護案', '%d年度環境教育宣導委託案', '%d年度道路AC路面改善工程']) % ri(113, 114)],
            ['招標方式', pick(['公開招標', '限制性招標(經公開評選)'])], ['決標方式', pick(['最低標', '最有利標'])],
            ['開標時間', '%d/%02d/%02d 10:00' % roc_now()], ['投標廠商家數', str(ri(2, 6))],
            ['底價金額', '%s元' % format(base, ',')], ['得標廠商', c], ['得標廠商統一編號', digits(8)],
            ['決標金額', '%s元' % format(amt, ',')], ['聯絡人', '%s %s' % (name(), office_line())]]
    pg.table(rows, [3, 7], size=28, head=False)
    pg.text('資料來源：政府電子採購網（已公告資訊）', size=24, color=(100, 100, 100))
    return D(pg.done(), 'paper', 'award notice (決標公告)',
             'published award notice incl. reserve price and bidder count AFTER award (public)')


def a_tender_notice():
    ag = agency()
    pg = Page(1240, min_h=1500)
    pg.text('招標公告', size=46, kind='sansb', align='c')
    rows = [['機關名稱', ag[0]], ['標案名稱', pick(['%d年度公園維護管理', '%d年度網站改版建置', '%d年度垃圾車採購']) % ri(113, 114)],
            ['預算金額', '%s元（預算金額公開）' % format(ri(100, 2000) * 10000, ',')], ['招標方式', '公開招標'],
            ['截止投標', '%d/%02d/%02d 17:00' % roc_now()], ['開標時間', '%d/%02d/%02d 10:00' % roc_now()],
            ['開標地點', '本局%d樓開標室' % ri(2, 9)], ['是否須繳押標金', '是，新臺幣%s元' % format(ri(5, 90) * 1000, ',')],
            ['聯絡人', name()], ['聯絡電話', office_line()]]
    pg.table(rows, [3, 7], size=28, head=False)
    return D(pg.done(), 'paper', 'tender notice (招標公告)', 'public tender notice with published budget and dates')


def a_personnel_order():
    ag = agency()
    pg = Page(1400, min_h=1200)
    pg.text('%s 人事命令' % ag[0], size=44, kind='serifb', align='c')
    pg.text('%s %s字第%d%s號　生效日期：%d年%d月%d日' % ((ag[3], '人', ri(113, 114), digits(6)) + roc_now()), size=26, align='c')
    pg.gap(10)
    rows = [['姓名', '原任職務', '新任職務', '職等', '備註']]
    for k in range(ri(4, 8)):
        rows.append([name(), '%s%s' % (pick(UNITS), pick(['科員', '專員', '股長'])),
                     '%s%s' % (pick(UNITS), pick(['專員', '科長', '股長', '視察'])), '第%d職等' % ri(5, 9), pick(['陞任', '調任', '陞任', '調兼'])])
    pg.table(rows, [2, 3.5, 3.5, 2, 1.5], size=28)
    pg.text('以上人員經本府%d年%d月%d日甄審委員會審議通過並奉核定，業已公告周知。' % roc_now(), size=26)
    img = pg.done()
    if R.random() < .6:
        stamp(img, '已公告', (img.width - 220, 170), size=46, color=(30, 60, 170))
    return D(img, 'paper', 'published personnel order', 'announced transfers/promotions (already published)')


def a_training_slide():
    t, bl = pick([
        ('公務機密維護宣導', ['刑法第132條：公務員洩漏或交付關於中華民國國防以外應秘密之文書、圖畫、消息或物品者，處3年以下有期徒刑。',
                        '  因過失犯前項之罪者，處1年以下有期徒刑、拘役或9千元以下罰金。', '洩漏方式不限：口頭、電話、LINE轉傳、張貼均屬之。',
                        '不確定能否公開？先問主管或政風室。']),
        ('個人資料保護法重點', ['個資：姓名、出生年月日、身分證統一編號、護照號碼、特徵、指紋、病歷、聯絡方式、財務情況等。',
                         '第15條：公務機關蒐集、處理個資應有特定目的。', '第41條：意圖為自己或第三人不法利益而違反規定，處5年以下有期徒刑。',
                         '公務群組請勿轉傳民眾證件照片。']),
        ('拘票與搜索票的保密', ['刑事訴訟法第77條：拘票應記載被告姓名、性別、年齡、籍貫及住居所、案由、拘提理由、應解送處所。',
                          '搜索票應記載案由、應搜索之被告、應搜索處所、有效期間 (第128條)。',
                          '案例：員警將拘票翻拍傳給友人，致被告聞風逃匿，依刑法第132條判刑。', '原則：偵查不公開 (刑事訴訟法第245條)。']),
        ('採購保密規定', ['政府採購法第34條：機關辦理採購，其招標文件於公告前應予保密。', '底價於決標前應予保密；決標後除有特殊情形外應予公開。',
                     '投標廠商名稱與家數，開標前不得洩漏。', '評選委員名單原則於開始評選前應予保密。']),
        ('檢舉人保護', ['行政程序法第170條、陳情案件處理要點：檢舉人姓名及足資識別身分之資料應予保密。',
                     '受理檢舉不可告知被檢舉人檢舉人是誰。', '案例：承辦人將檢舉錄音播放給被檢舉人聽，遭懲處。',
                     '政風室檢舉專線 見本府網站']),
        ('機密等級與標示', ['國家機密：絕對機密、極機密、機密 (國家機密保護法)。', '一般公務機密：標示「密」，並註明解密條件。',
                       '機密文書不得以 LINE、私人信箱傳送。', '列印後立即取件，勿留置於事務機。']),
        ('個資範例說明', ['身分證統一編號格式：1 個英文字母 + 9 個數字 (例 A123456789，僅供說明)。', '遮蔽方式：王○明、A12****789。',
                     '對外提供前先去識別化。', '範例資料請勿使用真實民眾資料。']),
    ])
    return D(render_slide(t, bl, footer='%s 政風室 教育訓練' % agency()[0]), 'slide', 'training slide on secrecy/privacy law',
             'training slide quoting laws/rules, no real personal data')


def a_quiz():
    q = pick([('下列何者「不」屬於個人資料？', ['(A) 身分證統一編號', '(B) 病歷', '(C) 機關總機電話', '(D) 指紋'], 'C'),
              ('同事在工作群組轉傳民眾身分證照片，你應該？', ['(A) 按讚', '(B) 提醒收回並通報主管', '(C) 轉傳給朋友', '(D) 不理會'], 'B'),
              ('採購案底價於何時得公開？', ['(A) 招標前', '(B) 開標前', '(C) 決標後', '(D) 永不公開'], 'C'),
              ('刑法第132條處罰的是？', ['(A) 洩漏國防以外秘密', '(B) 竊盜', '(C) 偽造文書', '(D) 妨害名譽'], 'A'),
              ('稽查時間與對象可以事先告訴業者嗎？', ['(A) 可以', '(B) 熟人可以', '(C) 不可以，屬應秘密事項', '(D) 看心情'], 'C')])
    bl = [q[0]] + ['  ' + o for o in q[1]]
    if R.random() < .5:
        bl.append('答案：%s' % q[2])
    return D(render_slide('隨堂測驗 第%d題' % ri(1, 10), bl, theme=pick(['orange', 'green', 'blue'])), 'slide', 'quiz slide',
             'training quiz slide about privacy/secrecy rules')


FORM_TITLES = ['%s補助申請表' % t for t in ['急難救助', '租金', '托育', '長照交通', '老人健保']] + ['陳情書（格式）', '志工報名表',
                                                                                          '身心障礙證明申請表']


def form_fields():
    return ['申請人姓名', '身分證統一編號', '出生日期', '性別', '聯絡電話', '行動電話', '戶籍地址', '通訊地址', '電子信箱']


def a_blank_form():
    ag = agency()
    pg = Page(1240, min_h=1754)
    pg.text('%s %s' % (ag[0], pick(FORM_TITLES)), size=38, kind='sansb', align='c')
    pg.text('收件編號：＿＿＿＿＿　收件日期：　年　月　日', size=24, align='r')
    rows = []
    for f in form_fields():
        v = '□□□□□□□□□□' if f == '身分證統一編號' else ('民國　　年　　月　　日' if f == '出生日期' else
                                                  ('□男　□女' if f == '性別' else ''))
        rows.append([f, v])
    rows += [['申請事由', '\n\n'], ['檢附文件', '□身分證影本　□戶口名簿影本　□存摺封面影本']]
    pg.table(rows, [3, 7], size=28, head=False)
    pg.text('※本表所蒐集之個人資料，僅供本案審核使用，依個人資料保護法規定保護。', size=24)
    pg.text('申請人簽章：＿＿＿＿＿＿＿＿', size=28, align='r')
    return D(pg.done(), 'paper', 'blank application form', 'empty form: field labels only')


def a_example_form():
    ag = agency()
    pg = Page(1240, min_h=1754)
    pg.text('%s %s（填寫範例）' % (ag[0], pick(FORM_TITLES)), size=36, kind='sansb', align='c')
    ex = pick([('王小明', 'A123456789', '民國80年1月1日', '男', '(02)2345-6789', '0912-345-678', '臺北市中正區重慶南路一段122號',
                'xiaoming@example.com'),
               ('陳大文', 'A123456789', '民國70年10月10日', '男', '(02)1234-5678', '0900-000-000', '○○市○○區○○路○號',
                'sample@example.com'),
               ('林小美', 'B234567890', '民國88年8月8日', '女', '(04)1234-5678', '0911-111-111', '臺中市西屯區○○路100號', '')])
    keys = form_fields()
    rows = [[k, v] for k, v in zip(keys, list(ex) + [ex[6]])][:9]
    rows[8] = ['電子信箱', ex[7] or '（無則免填）']
    rows.append(['申請事由', '（範例）因家中經濟困難，申請補助。'])
    pg.table(rows, [3, 7], size=28, head=False)
    pg.text('※以上資料均為虛構之填寫範例，請依實際情形填寫。', size=26, color=(200, 30, 30))
    img = pg.done()
    stamp(img, pick(['填寫範例', '範例', '範　例', 'SAMPLE 範例']), (img.width * .62, img.height * .42), size=ri(90, 130),
          alpha=150, angle=R.uniform(-25, 25))
    return D(img, 'paper', 'form filled with marked example data', 'example values (王小明/A123456789 style) clearly marked 範例')


def id_front(nm, sex, bd, iss, idn, specimen=False):
    im, d = card_base(1000, 630, (222, 236, 228))
    d.text((40, 24), '中華民國國民身分證', font=F(50, 'serifb'), fill=(30, 60, 40))
    d.text((40, 120), '姓　名', font=F(30), fill=(70, 70, 70)); d.text((170, 108), nm, font=F(54, 'serifb'), fill=(10, 10, 10))
    d.text((40, 215), '出　生', font=F(30), fill=(70, 70, 70))
    d.text((170, 212), '民國 %d 年 %d 月 %d 日' % bd, font=F(34), fill=(10, 10, 10))
    d.text((40, 285), '性　別', font=F(30), fill=(70, 70, 70)); d.text((170, 282), sex, font=F(34), fill=(10, 10, 10))
    d.text((40, 355), '發證日期', font=F(30), fill=(70, 70, 70))
    d.text((170, 352), '民國 %d 年 %d 月 %d 日 (%s) %s' % (iss + (pick(['北市', '新北市', '高市', '中市']), pick(['換發', '補發', '初發']))),
           font=F(30), fill=(10, 10, 10))
    d.text((40, 520), '統一編號', font=F(30), fill=(70, 70, 70)); d.text((210, 505), idn, font=F(56, 'sansb'), fill=(180, 20, 20))
    face(d, 690, 110, 260, 340)
    if specimen:
        stamp(im, specimen, (500, 330), size=120, alpha=170, angle=R.uniform(-25, -10))
    return im


def a_specimen_card():
    nm = pick(['王小明', '陳大文', '林小美', '樣本'])
    mark = pick(['樣本', 'SPECIMEN', '樣 本', '範例'])
    k = pick(['id', 'health', 'dl'])
    if k == 'id':
        im = id_front(nm, '男', (70, 1, 1), (109, 1, 1), 'A123456789', specimen=mark)
        doc = 'specimen national ID card'
    elif k == 'health':
        im, d = card_base(1000, 630, (236, 240, 246))
        d.text((40, 30), '全民健康保險 NATIONAL HEALTH INSURANCE', font=F(36, 'sansb'), fill=(20, 60, 120))
        d.text((40, 140), nm, font=F(56, 'sansb'), fill=(10, 10, 10))
        d.text((40, 240), 'A123456789', font=F(44), fill=(10, 10, 10)); d.text((40, 320), '70/01/01', font=F(40), fill=(10, 10, 10))
        d.text((40, 520), '0000 0000 0000', font=F(38), fill=(10, 10, 10)); face(d, 700, 130, 240, 300)
        stamp(im, mark, (480, 320), size=120, alpha=170, angle=-18)
        doc = 'specimen health insurance card'
    else:
        im, d = card_base(1000, 630, (240, 232, 214))
        d.text((40, 26), '中華民國駕駛執照 (樣張)', font=F(42, 'sansb'), fill=(120, 60, 20))
        for k2, (a, b) in enumerate([('姓名', nm), ('出生日期', '70-01-01'), ('證號', 'A123456789'), ('住址', '○○市○○區○○路1號'),
                                      ('駕照種類', '普通小型車')]):
            d.text((40, 120 + k2 * 80), a, font=F(30), fill=(80, 80, 80)); d.text((200, 116 + k2 * 80), b, font=F(36), fill=(10, 10, 10))
        face(d, 720, 120, 230, 300)
        stamp(im, mark, (500, 330), size=120, alpha=170, angle=-15)
        doc = 'specimen driving licence'
    return D(im, 'card', doc, 'card overprinted %s with textbook example data' % mark)


def a_menu():
    shop = pick(SHOPS)
    pg = Page(pick([1000, 1100]), bg=pick([(255, 248, 230), (250, 250, 250), (255, 240, 240)]), min_h=1500)
    pg.text(shop, size=72, kind='sansb', align='c', color=(170, 40, 20))
    pg.text('訂購專線：%s　%s' % (landline(), pick(['', '外送手機 ' + mobile()])), size=34, align='c')
    pg.text('營業時間 10:30–19:30（週日公休）　滿 %d 份外送' % ri(5, 10), size=28, align='c')
    pg.gap(20)
    rows = [['品項', '價格']]
    for it in R.sample(['排骨便當', '雞腿便當', '控肉便當', '魚排便當', '素食便當', '三寶飯', '滷肉飯', '牛肉麵', '餛飩湯', '燙青菜', '味噌湯',
                        '鍋燒意麵', '炒飯', '貢丸湯'], ri(8, 12)):
        rows.append([it, '%d 元' % (ri(3, 15) * 10)])
    pg.table(rows, [5, 2], size=36)
    pg.text('地址：%s　LINE 訂餐：@%s' % (address(), pick(['fuji', 'ayin88', 'goodfood', 'bigtree'])), size=28, align='c')
    return D(pg.done(), 'paper', 'lunch menu flyer', "shop menu with the shop's own phone/address")


def a_calendar():
    w, h = 1500, 1150
    im = Image.new('RGB', (w, h), (255, 255, 255)); d = ImageDraw.Draw(im)
    y, m = ri(2024, 2025), ri(1, 12)
    d.text((50, 30), '%d 年 %d 月　行事曆' % (y, m), font=F(54, 'sansb'), fill=(30, 30, 30))
    cw, ch = (w - 100) / 7, 170
    for k, wd in enumerate('日一二三四五六'):
        d.text((50 + k * cw + cw / 2 - 16, 120), wd, font=F(34), fill=(200, 30, 30) if k in (0, 6) else (30, 30, 30))
    start = ri(0, 6)
    ev = {ri(1, 28): pick(['局務會議', '資安演練', '預算截止']), ri(1, 28): pick(['植樹節', '兒童節', '端午節', '中秋節']),
          ri(1, 28): pick(['教育訓練 14:00', '健康檢查', '消防演練']), ri(1, 28): '發薪日'}
    for day in range(1, 31):
        p = start + day - 1; r_, c = divmod(p, 7)
        x0, y0 = 50 + c * cw, 180 + r_ * ch
        d.rectangle((x0, y0, x0 + cw, y0 + ch), outline=(180, 180, 180), width=2)
        d.text((x0 + 10, y0 + 6), str(day), font=F(34), fill=(200, 30, 30) if c in (0, 6) else (30, 30, 30))
        if day in ev:
            for k2, ln in enumerate(wrap(ev[day], F(24), cw - 16)):
                d.text((x0 + 8, y0 + 60 + k2 * 30), ln, font=F(24), fill=(20, 80, 160))
    return D(im, 'scene', 'office calendar', 'calendar with office events')


def a_timetable():
    pg = Page(1240, min_h=1400)
    kind_ = pick(['bus', 'shuttle', 'train'])
    if kind_ == 'bus':
        pg.text('%s 公車時刻表（%s → %s）' % (pick(['紅25', '藍7', '307', '綠1', '912']), pick(['市政府', '火車站', '轉運站']),
                                         pick(['動物園', '科學園區', '大學城'])), size=40, kind='sansb', align='c')
    elif kind_ == 'shuttle':
        pg.text('員工交通車時刻表（%s）' % agency()[0], size=40, kind='sansb', align='c')
    else:
        pg.text('區間車時刻表 %s站' % pick(['板橋', '新竹', '員林', '永康']), size=40, kind='sansb', align='c')
    rows = [['班次', '發車', '抵達', '備註']]
    t = ri(6, 8) * 60
    for k in range(ri(10, 16)):
        t += ri(10, 40)
        rows.append([str(k + 1), '%02d:%02d' % (t // 60, t % 60), '%02d:%02d' % ((t + 45) // 60, (t + 45) % 60),
                     pick(['', '', '假日停駛', '低地板', '直達'])])
    pg.table(rows, [1, 2, 2, 3], size=30, center=True)
    return D(pg.done(), 'paper', 'timetable', 'bus/shuttle timetable')


def a_ticket():
    im, d = card_base(1150, 600, (245, 230, 200), pattern=False)
    d.rectangle((0, 0, 1150, 90), fill=(230, 120, 30))
    d.text((40, 18), '台灣高鐵 Taiwan High Speed Rail', font=F(44, 'sansb'), fill=(255, 255, 255))
    st = ['南港', '台北', '板橋', '桃園', '新竹', '苗栗', '台中', '彰化', '雲林', '嘉義', '台南', '左營']
    a, b = R.sample(st, 2)
    d.text((40, 120), '%d/%02d/%02d' % (ri(2024, 2025), ri(1, 12), ri(1, 28)), font=F(40), fill=(20, 20, 20))
    d.text((520, 120), '車次 %04d' % ri(100, 1600), font=F(40), fill=(20, 20, 20))
    d.text((40, 210), '%s  →  %s' % (a, b), font=F(70, 'sansb'), fill=(20, 20, 20))
    h = ri(6, 20)
    d.text((40, 320), '%02d:%02d  →  %02d:%02d' % (h, ri(0, 59), h + 1, ri(0, 59)), font=F(46), fill=(20, 20, 20))
    d.text((40, 410), '%d車 %d%s　標準車廂　%s' % (ri(1, 12), ri(1, 18), pick('ABCDE'), pick(['全票', '早鳥65折', '公務'])),
           font=F(38), fill=(20, 20, 20))
    d.text((40, 490), 'NT$ %s' % format(ri(30, 160) * 10, ','), font=F(44, 'sansb'), fill=(20, 20, 20))
    qr(d, 900, 300, 200)
    return D(im, 'card', 'train ticket', 'HSR ticket without passenger name')


def a_invoice():
    pg = Page(640, margin=40, min_h=1300)
    shop = pick(SHOPS + ['全家便利商店', '7-ELEVEN', '文具天地', '大潤發'])
    pg.text(shop, size=40, kind='sansb', align='c')
    pg.text('電子發票證明聯', size=40, kind='sansb', align='c')
    y, mm = ri(113, 114), pick([1, 3, 5, 7, 9, 11])
    pg.text('%d年%02d-%02d月' % (y, mm, mm + 1), size=42, kind='sansb', align='c')
    pg.text('%s-%s' % (''.join(pick('ABCDEFGHJKLMNPQRSTUVWXYZ') for _ in range(2)), digits(8)), size=42, kind='sansb', align='c')
    pg.text('%d-%02d-%02d %02d:%02d:%02d' % (y + 1911, mm, ri(1, 28), ri(7, 21), ri(0, 59), ri(0, 59)), size=26)
    tot = ri(30, 900)
    pg.text('隨機碼 %s　總計 %d' % (digits(4), tot), size=26)
    pg.text('賣方 %s　%s' % (digits(8), pick(['', '買方 ' + digits(8)])), size=26)
    barcode(pg.d, 60, pg.y, 520, 60); pg.gap(80)
    qr(pg.d, 70, pg.y, 220); qr(pg.d, 350, pg.y, 220); pg.gap(240)
    pg.text('-' * 30, size=26, kind='mono')
    for it in R.sample(['原子筆', '便當', '咖啡', 'A4影印紙', '膠帶', '礦泉水', '茶葉蛋', '麵包'], ri(2, 5)):
        pg.text('%-8s x%d   %d' % (it, ri(1, 5), ri(10, 300)), size=28, kind='mono')
    pg.text('門市電話：%s' % landline(), size=26)
    pg.text('退貨憑電子發票證明聯正本辦理', size=24)
    return D(pg.done(), 'paper', 'e-invoice receipt (統一發票)', "shop invoice with shop's tax ID and phone")


def a_budget_sheet():
    def build(pg):
        pg.text('%d年度 %s 預算執行表' % (ri(113, 114), agency()[0]), size=32, kind='sansb')
        rows = [['', 'A', 'B', 'C', 'D', 'E']]
        rows.append(['1', '科目', '預算數', '已執行數', '執行率', '備註'])
        for k, s in enumerate(R.sample(['人事費', '業務費', '設備及投資', '獎補助費', '旅運費', '資訊服務費', '物品', '一般事務費',
                                        '房屋建築養護費', '教育訓練費'], 8)):
            b = ri(100, 9000) * 1000; e = int(b * R.uniform(.2, 1))
            rows.append([str(k + 2), s, format(b, ','), format(e, ','), '%.1f%%' % (e * 100 / b), pick(['', '', '追加', '保留'])])
        pg.table(rows, [0.6, 3, 2.5, 2.5, 1.5, 2], size=26, hfill=(210, 220, 235))
        pg.text('製表：會計室　%d/%02d/%02d' % roc_now(), size=24)
    im = render_app(pick(['Excel - 預算執行表.xlsx', 'Google 試算表', 'LibreOffice Calc']), build, min_h=900,
                    url='file:///D:/會計/預算執行表.xlsx')
    return D(im, 'app', 'budget spreadsheet', 'budget execution numbers only')


def a_chart():
    w, h = 1500, 1000
    im = Image.new('RGB', (w, h), (255, 255, 255)); d = ImageDraw.Draw(im)
    t = pick(['1999陳情案件數（月）', '各區公所申辦案件量', '%d年度預算執行率' % ri(113, 114), '空氣品質不良日數', '志工服務時數'])
    d.text((60, 30), t, font=F(48, 'sansb'), fill=(30, 30, 30))
    n = ri(6, 12)
    vals = [ri(20, 100) for _ in range(n)]
    x0, y0, x1, y1 = 140, 150, w - 60, h - 140
    d.line((x0, y1, x1, y1), fill=(0, 0, 0), width=3); d.line((x0, y0, x0, y1), fill=(0, 0, 0), width=3)
    bw = (x1 - x0) / n
    col = pick([(60, 120, 200), (230, 120, 40), (60, 160, 90)])
    for k, v in enumerate(vals):
        top = y1 - (y1 - y0) * v / 110
        d.rectangle((x0 + k * bw + bw * .2, top, x0 + (k + 1) * bw - bw * .2, y1), fill=col)
        d.text((x0 + k * bw + bw * .25, top - 36), str(v * ri(1, 30)), font=F(24), fill=(30, 30, 30))
        d.text((x0 + k * bw + bw * .25, y1 + 12), '%d月' % (k + 1), font=F(28), fill=(30, 30, 30))
    d.text((60, h - 70), '資料來源：%s' % agency()[0], font=F(24), fill=(100, 100, 100))
    return D(im, 'scene', 'bar chart', 'aggregate statistics chart')


def a_equipment_label():
    w, h = 1000, 640
    im, d = card_base(w, h, pick([(230, 232, 236), (250, 250, 250), (238, 228, 180)]), pattern=False)
    ag = agency()
    d.text((30, 20), '%s 財產標籤' % ag[0], font=F(40, 'sansb'), fill=(20, 20, 20))
    d.line((30, 80, w - 30, 80), fill=(0, 0, 0), width=3)
    rows = [('財產編號', '%s-%s-%s' % (digits(7), digits(2), digits(6))), ('財產名稱', pick(['筆記型電腦', '雷射印表機', '投影機', '冷氣機', '影印機'])),
            ('廠牌型號', pick(['ASUS B1400', 'HP M404dn', 'EPSON EB-X51', 'Panasonic CS-K', 'Ricoh IMC3000'])),
            ('序號 S/N', '%s%s' % (''.join(pick('ABCDEFGHJKLMNPQRSTUVWXYZ') for _ in range(4)), digits(8))),
            ('取得日期', '%d/%02d/%02d' % roc_now()), ('保管單位', pick(UNITS)), ('使用年限', '%d 年' % ri(3, 8))]
    for k, (a, b) in enumerate(rows):
        d.text((40, 100 + k * 66), a, font=F(32), fill=(60, 60, 60)); d.text((250, 98 + k * 66), b, font=F(34, 'sansb'), fill=(0, 0, 0))
    barcode(d, 600, 110, 360, 120)
    bg = Image.new('RGB', (w + 300, h + 260), pick([(60, 62, 66), (200, 200, 196), (30, 30, 32)]))
    bg.paste(im, (150, 130))
    return D(bg, 'card', 'equipment property label', 'asset tag with serial numbers (not personal)')


def a_vehicle():
    w, h = 1600, 1000
    im = Image.new('RGB', (w, h), (170, 200, 230)); d = ImageDraw.Draw(im)
    d.rectangle((0, 600, w, h), fill=(100, 100, 104))
    body = pick([(245, 245, 245), (30, 30, 40), (200, 200, 205), (250, 250, 250)])
    d.rounded_rectangle((150, 330, 1450, 760), radius=60, fill=body, outline=(40, 40, 40), width=4)
    d.polygon([(350, 330), (500, 170), (1100, 170), (1280, 330)], fill=body, outline=(40, 40, 40))
    d.polygon([(380, 320), (520, 190), (790, 190), (790, 320)], fill=(90, 120, 150))
    d.polygon([(820, 320), (820, 190), (1090, 190), (1240, 320)], fill=(90, 120, 150))
    for cx in (420, 1180):
        d.ellipse((cx - 110, 650, cx + 110, 870), fill=(20, 20, 20)); d.ellipse((cx - 50, 710, cx + 50, 810), fill=(150, 150, 150))
    ag = agency()
    txt = ag[0] if R.random() < .7 else ag[0] + ' ' + pick(['公務車', '稽查車', '巡邏車', '救護車'])
    tc = (20, 60, 150) if sum(body) > 300 else (250, 250, 250)
    f = F(50, 'sansb')
    for k, ln in enumerate(wrap(txt, f, 1100)):
        d.text((260, 400 + k * 64), ln, font=f, fill=tc)
    d.rectangle((640, 560, 960, 650), fill=(255, 255, 255), outline=(0, 0, 0), width=5)
    p = plate()
    d.text((660, 566), p, font=F(64, 'monob'), fill=(0, 0, 0))
    return D(im, 'scene', 'agency vehicle photo', 'agency car with its licence plate (official vehicle, not private)')


def a_maint_notice():
    def build(pg):
        pg.text('【系統維護公告】', size=40, kind='sansb', color=(180, 30, 30))
        pg.text('本%s將於 %d年%d月%d日（星期%s）%02d:00 至 %02d:00 進行系統維護作業，期間暫停服務，造成不便，敬請見諒。' % (
            pick(['公文系統', '差勤系統', '採購管理系統', '線上申辦平台', '個案管理系統']), ri(113, 114), ri(1, 12), ri(1, 28), pick('一二三四五六日'),
            ri(0, 8), ri(9, 18)), size=30)
        pg.text('維護項目：資料庫升級、弱點修補、憑證更新。', size=30)
        pg.text('如有疑問請洽資訊室 %s（分機 %d）。' % (name(), ri(1000, 8999)), size=30)
        pg.gap(20)
        pg.table([['日期', '公告標題', '單位'], ['%d/%02d/%02d' % roc_now(), '差勤系統新增線上簽核功能', '人事室'],
                  ['%d/%02d/%02d' % roc_now(), '請勿開啟來路不明電子郵件附件', '資訊室'],
                  ['%d/%02d/%02d' % roc_now(), '密碼請每90天更換', '資訊室']], [2, 6, 2], size=26)
    return D(render_app(pick(['內部入口網', '公文管理系統', '員工入口']), build, nav=['首頁', '最新消息', '系統公告', '下載專區', '意見回饋']),
             'app', 'system maintenance notice', 'intranet maintenance announcement')


def a_chat_rules():
    n1, n2, n3 = name(), name(), name()
    conv = pick([
        [('D', '今天'), ('L', n1 + '股長', '提醒各位：民眾申請書上的身分證字號、電話，不要拍照傳到群組，請用公文系統或內部共享資料夾。', '09:12'),
         ('R', '收到', '09:13'), ('L', n2, '那長官臨時要看怎麼辦？', '09:15'),
         ('L', n1 + '股長', '群組只講案號和檔案位置，不要貼內容。刑法132條跟個資法都有罰則。', '09:16'), ('R', '了解，謝謝股長', '09:17')],
        [('D', '星期二'), ('L', n1, '請問底價什麼時候可以公開？', '14:02'),
         ('L', n2 + '科長', '決標後才能公開，開標前一律保密，廠商問也不能說有幾家投標。', '14:05'), ('R', '好的，我會注意', '14:06')],
        [('D', '今天'), ('L', n3, '明天9:30局務會議改到第二會議室，記得帶筆電', '17:40'), ('R', 'OK', '17:41'),
         ('L', n1, '便當我訂福記，要吃的+1', '17:45'), ('R', '+1 排骨', '17:46'), ('L', n2, '+1 素食', '17:48')],
        [('D', '昨天'), ('L', n2, '1999這週案件 132 件，結案率 96%，剩 5 件逾期', '16:20'),
         ('L', n1 + '主任', '逾期的明天中午前回報原因', '16:22'), ('R', '收到，我整理一下', '16:25')],
        [('D', '今天'), ('L', n1, '請問拘票可以拍給家屬看嗎？', '10:01'),
         ('L', n2 + '組長', '不行。拘票、搜索票都屬偵查秘密，不能拍照外傳，家屬要問請他們洽地檢署。', '10:03'),
         ('L', n3, '上次訓練有講過這個案例', '10:05'), ('R', '謝謝組長', '10:06')],
        [('D', '星期五'), ('L', n1, '政風室宣導：檢舉人資料一律保密，受理後不要跟被檢舉人提到是誰檢舉的。', '11:30'),
         ('L', n2, '如果檢舉人自己公開呢？', '11:33'), ('L', n1, '還是不要由我們說出去，依規定辦理就好。', '11:35'), ('R', '了解', '11:36')],
        [('D', '今天'), ('L', n3 + '技士', '總機是 %s，要找我轉 %d' % (landline(), ri(1000, 8999)), '08:50'),
         ('L', n1, '下午會勘改到2點，集合地點在一樓大廳', '08:52'), ('R', '好', '08:53')],
    ])
    return D(render_chat(pick(['%s公務群組' % pick(UNITS), '%s科室群組' % pick(['稽查', '企劃', '行政']), '專案工作小組']), conv),
             'chat', 'chat discussing rules/logistics', 'work chat without any disclosure')


def a_event_poster():
    col = pick([(40, 150, 90), (230, 90, 60), (60, 110, 200), (150, 60, 160)])
    pg = Page(1200, margin=80, bg=(255, 255, 255), min_h=1700)
    pg.d.rectangle((0, 0, 1200, 1700), fill=col)
    pg.d.rectangle((50, 330, 1150, 1650), fill=(255, 255, 255))
    pg.gap(60)
    ev = pick(['健康健走活動', '環境清潔日', '捐血活動', '親子淨灘', '防災宣導園遊會', '二手物交換市集'])
    pg.text('%d %s' % (ri(2024, 2025), ev), size=80, kind='sansb', color=(255, 255, 255), align='c')
    pg.gap(120)
    for t in ['日期：%d月%d日（星期%s）' % (ri(1, 12), ri(1, 28), pick('六日')), '時間：08:00–12:00',
              '地點：%s' % pick(['中正公園', '市民廣場', '區公所前廣場', '河濱公園']), '報名專線：%s' % office_line(),
              '主辦：%s' % agency()[0], '現場提供飲水及紀念品，額滿為止']:
        pg.text(t, size=42, align='c'); pg.gap(24)
    return D(pg.done(), 'paper', 'event poster', 'event poster with organiser phone')


def a_map():
    w, h = 1500, 1050
    im = Image.new('RGB', (w, h), (240, 238, 230)); d = ImageDraw.Draw(im)
    for k in range(ri(4, 6)):
        y = ri(80, h - 80); d.line((0, y, w, y + ri(-60, 60)), fill=(255, 255, 255), width=36)
        d.text((ri(40, w - 300), y - 50), pick(ROAD), font=F(30), fill=(80, 80, 80))
    for k in range(ri(3, 5)):
        x = ri(80, w - 80); d.line((x, 0, x + ri(-80, 80), h), fill=(255, 255, 255), width=30)
    for lab, c in [('市政府', (230, 120, 110)), ('捷運站', (100, 150, 220)), ('停車場', (140, 140, 200)), ('集合點', (240, 180, 60)),
                   ('醫院', (240, 120, 120)), ('公園', (120, 190, 120))]:
        x, y = ri(100, w - 300), ri(100, h - 150)
        d.rounded_rectangle((x, y, x + 200, y + 90), radius=12, fill=c)
        d.text((x + 20, y + 22), lab, font=F(36, 'sansb'), fill=(255, 255, 255))
    d.rectangle((0, 0, w, 80), fill=(255, 255, 255))
    d.text((30, 14), pick(['活動場地交通位置圖', '避難疏散路線圖', '會勘地點示意圖', '本府周邊停車資訊']), font=F(44, 'sansb'), fill=(20, 20, 20))
    return D(im, 'scene', 'simple map', 'location map with public landmarks')


def a_news():
    hl = pick([('公務員LINE轉傳拘票 洩密遭起訴', '%s地檢署今日偵結，一名%s姓員警涉嫌將拘票翻拍傳給友人，致被告得知消息逃匿，依洩漏國防以外秘密罪起訴。'),
               ('違法查詢個資賣給討債集團 %s姓公務員判刑', '法院判決指出，被告利用職務登入系統查詢民眾戶籍資料，共%s筆，違反個資法。'),
               ('採購底價外洩 %s姓承辦人遭約談', '調查局發現，該案開標前底價疑遭洩漏給特定廠商，檢方今日約談相關人員，全案偵辦中。'),
               ('政風處辦理公務機密維護宣導 逾%s人參加', '活動以案例說明LINE群組轉傳資料之風險，提醒同仁勿傳送機敏資料。')])
    b = hl[1]
    while '%s' in b:
        b = b.replace('%s', pick(['臺北', '新北', '桃園', '臺中', '高雄']) if b.index('%s') < 4 else pick(['王', '陳', '林', '李', '2,300']), 1)
    body = b
    title = hl[0].replace('%s', pick(['王', '陳', '林', '300']))
    w = pick([1000, 1080])
    pg = Page(w, margin=40, min_h=1700)
    sb = status_bar(w)
    pg.img.paste(sb, (0, 0)); pg.y = sb.height + 20
    pg.text(pick(['新聞台', '即時新聞', '社會新聞', 'NEWS']) + '　＜', size=30, color=(150, 30, 30))
    pg.text(title, size=52, kind='sansb', lh=1.3)
    pg.text('%d/%02d/%02d %02d:%02d　記者%s／報導' % (ri(2023, 2025), ri(1, 12), ri(1, 28), ri(0, 23), ri(0, 59), masked(name())), size=26,
            color=(120, 120, 120))
    pg.d.rectangle((40, pg.y, w - 40, pg.y + 420), fill=(180, 190, 200)); pg.gap(440)
    pg.text(body, size=36)
    pg.text('本案係依據%s新聞稿內容報導，當事人姓名均已隱去。' % pick(['地檢署', '法院', '調查局']), size=36)
    return D(pg.done(), 'chat', 'news app screenshot', 'news about a leak case; individuals not identified (surname only)')


def a_masked_list():
    ag = agency()
    pg = Page(1240, min_h=1600)
    pg.text('%s %s' % (ag[0], pick(['%d年度獎助學金核定名單' % ri(113, 114), '社會住宅抽籤結果（中籤名單）', '志工表揚名單公告', '研習活動錄取名單'])),
            size=36, kind='sansb', align='c')
    rows = [['序號', '姓名', '身分證字號', '備註']]
    for k in range(ri(10, 15)):
        i = tw_id()
        rows.append([str(k + 1), masked(name()), pick([i[:3] + '****' + i[-3:], i[:4] + '*****' + i[-1], i[0] + '12****' + i[-3:]]),
                     pick(['正取', '備取', '', ''])])
    pg.table(rows, [1, 2.5, 3.5, 2], size=30, center=True)
    pg.text('※依個人資料保護法，姓名及身分證字號已部分遮蔽。', size=26)
    return D(pg.done(), 'paper', 'published list with masked names/IDs', 'names and IDs properly masked (王○明, A12****789)')


def a_minutes():
    ag = agency()
    pg = Page(1240, min_h=1700)
    pg.text('%s %s 會議紀錄' % (ag[0], pick(['資訊安全管理審查', '防汛整備', '年度宣導計畫研商', '辦公廳舍修繕'])), size=38, kind='sansb', align='c')
    pg.kv([('時間：', '%d年%d月%d日 下午2時' % roc_now()), ('地點：', '本局第%s會議室' % pick('一二三')),
           ('主席：', '%s %s' % (pick(['副局長', '主任秘書']), name())), ('出席人員：', '、'.join('%s%s' % (u, pick(['科長', '主任'])) for u in R.sample(UNITS, 4))),
           ('紀錄：', name())], size=28)
    pg.text('決議事項：', size=30, kind='sansb')
    for k, t in enumerate(R.sample(['各單位於月底前完成弱點修補並回報資訊室。', '宣導品採購由秘書室依規定辦理。', '下次會議訂於下月第一週召開。',
                                    '防汛沙包由工務科統一調度。', '個資盤點作業請各科指定聯絡窗口。', '請同仁勿於即時通訊軟體傳送機敏資料。'], 4)):
        pg.text('%d. %s' % (k + 1, t), size=30, indent=30)
    pg.text('散會：下午3時40分', size=28)
    return D(pg.done(), 'paper', 'meeting minutes', 'routine minutes, no personal or secret data')


def a_stats_table():
    ag = agency()
    pg = Page(1300, min_h=1200)
    pg.text('%s %d年%d月 %s' % (ag[0], ri(113, 114), ri(1, 12), pick(['陳情案件統計表', '稽查成果統計（已公布）', '為民服務案件統計'])),
            size=36, kind='sansb', align='c')
    rows = [['類別', '件數', '已結案', '結案率', '平均天數']]
    for c in R.sample(['噪音', '空氣污染', '違規停車', '路燈', '道路坑洞', '環境衛生', '違章建築', '動物救援', '餐飲衛生'], 7):
        n = ri(10, 900); k = int(n * R.uniform(.7, 1))
        rows.append([c, str(n), str(k), '%.1f%%' % (k * 100 / n), '%.1f' % R.uniform(1, 9)])
    pg.table(rows, [3, 2, 2, 2, 2], size=30, center=True)
    if R.random() < .5:
        pg.text('本月稽查餐飲業者 %d 家，合格率 %.1f%%，不合格者已限期改善（已完成之稽查結果）。' % (ri(50, 300), R.uniform(85, 99)), size=28)
    return D(pg.done(), 'paper', 'aggregate statistics table', 'aggregate counts only / completed inspection results')


def a_business_card():
    ag = agency()
    im, d = card_base(1000, 600, pick([(255, 255, 255), (245, 245, 240)]), pattern=False)
    n, t = official()
    d.text((50, 40), ag[0], font=F(36, 'sansb'), fill=(20, 60, 130))
    d.text((50, 90), pick(UNITS), font=F(32), fill=(60, 60, 60))
    d.text((50, 190), n, font=F(70, 'sansb'), fill=(10, 10, 10)); d.text((330, 215), t, font=F(36), fill=(60, 60, 60))
    d.text((50, 340), 'TEL：%s' % office_line(), font=F(30), fill=(30, 30, 30))
    d.text((50, 395), 'FAX：%s' % landline(), font=F(30), fill=(30, 30, 30))
    d.text((50, 450), 'E-mail：%s' % gov_email(ag[1]), font=F(30), fill=(30, 30, 30))
    d.text((50, 505), ag[2], font=F(30), fill=(30, 30, 30))
    return D(im, 'card', "official's business card", 'office phone / office e-mail / agency address of an official')


def a_login_screen():
    def build(pg):
        pg.gap(60)
        pg.text(pick(['全國戶役政資訊系統', '個案管理系統', '入出國查詢系統', '刑案資訊系統']) + '  登入', size=44, kind='sansb', align='c')
        pg.gap(30)
        for lab in ['帳號', '密碼', '驗證碼']:
            pg.text(lab, size=30, indent=360)
            pg.d.rectangle((pg.m + 360, pg.y, pg.w - 400, pg.y + 56), outline=(120, 120, 120), width=2); pg.gap(80)
        pg.text('※本系統查詢紀錄均予留存，非因公務查詢個人資料，將依個人資料保護法及刑法第132條追究責任。', size=28, color=(180, 30, 30), align='c')
        pg.text('請插入自然人憑證或員工卡', size=28, align='c')
    return D(render_app('登入', build), 'app', 'query system login screen', 'login page with legal warning, no query result')


def a_masked_query():
    nm = name(); i = tw_id()
    def build(pg):
        pg.text('查詢結果（去識別化）', size=34, kind='sansb')
        pg.table([['欄位', '內容'], ['姓名', masked(nm)], ['統一編號', i[:2] + '*****' + i[-3:]], ['出生日期', '***年**月**日'],
                  ['戶籍地址', pick([c[0] for c in CITY]) + '○○區○○路***號'], ['案件狀態', pick(['審核中', '已核定', '已結案'])]],
                 [2, 6], size=30)
        pg.text('※本畫面為教育訓練用遮蔽畫面。', size=26, color=(180, 30, 30))
    return D(render_app(pick(['個案管理系統', '補助審核系統']), build, nav=['個案查詢', '統計報表', '系統設定']), 'app',
             'masked query screen (training)', 'query result fully masked for training')


# (func, count) -- ordinary images
ALLOW = [(a_whiteboard, 14), (a_slide_work, 12), (a_agenda, 10), (a_roster, 12), (a_extlist, 10), (a_notice, 12),
         (a_letter, 16), (a_meeting_notice, 10), (a_hotline_poster, 12), (a_award_notice, 12), (a_tender_notice, 8),
         (a_personnel_order, 10), (a_training_slide, 16), (a_quiz, 10), (a_blank_form, 10), (a_example_form, 12),
         (a_specimen_card, 12), (a_menu, 10), (a_calendar, 8), (a_timetable, 8), (a_ticket, 8), (a_invoice, 10),
         (a_budget_sheet, 8), (a_chart, 8), (a_equipment_label, 8), (a_vehicle, 8), (a_maint_notice, 8),
         (a_chat_rules, 16), (a_event_poster, 8), (a_map, 6), (a_news, 10), (a_masked_list, 10), (a_minutes, 8),
         (a_stats_table, 8), (a_business_card, 6), (a_login_screen, 6), (a_masked_query, 4)]


# =================================================================== CONTENT: leaking (flag) images
def person():
    sex = pick(['男', '女'])
    return dict(name=name(), sex=sex, id=tw_id('1' if sex == '男' else '2'), bd=roc_date(), addr=address(), mob=mobile())


def f_id_card():
    p = person()
    if R.random() < .7:
        im = id_front(p['name'], p['sex'], p['bd'], roc_date(99, 112), p['id'])
        return D(im, 'card', 'national ID card (front)', 'real-looking ID card front: name, birth date, ID number',
                 ['tw_national_id', 'person_name', 'birth_date'])
    im, d = card_base(1000, 630, (226, 234, 240))
    rows = [('父', name()), ('母', name()), ('配偶', pick([name(), ''])), ('役別', pick(['常備役', '替代役', ''])),
            ('出生地', pick(['臺灣省臺南市', '臺北市', '臺灣省彰化縣', '高雄市']))]
    for k, (a, b) in enumerate(rows):
        d.text((40, 30 + k * 62), a, font=F(30), fill=(80, 80, 80)); d.text((150, 28 + k * 62), b, font=F(34), fill=(10, 10, 10))
    d.text((40, 350), '住址', font=F(30), fill=(80, 80, 80))
    for k, ln in enumerate(wrap(p['addr'], F(36), 780)):
        d.text((150, 346 + k * 50), ln, font=F(36), fill=(10, 10, 10))
    barcode(d, 40, 500, 600, 80)
    d.text((700, 520), digits(10), font=F(30), fill=(10, 10, 10))
    return D(im, 'card', 'national ID card (back)', 'ID card back: parents names and home address', ['person_name', 'address'])


def f_health_card():
    p = person()
    im, d = card_base(1000, 630, (236, 240, 246))
    d.text((40, 30), '全民健康保險 NATIONAL HEALTH INSURANCE', font=F(36, 'sansb'), fill=(20, 60, 120))
    d.text((40, 140), p['name'], font=F(58, 'sansb'), fill=(10, 10, 10))
    d.text((40, 240), p['id'], font=F(46), fill=(10, 10, 10))
    d.text((40, 320), '%d/%02d/%02d' % p['bd'], font=F(42), fill=(10, 10, 10))
    d.text((40, 520), '%s %s %s' % (digits(4), digits(4), digits(4)), font=F(38), fill=(10, 10, 10))
    face(d, 700, 130, 240, 300)
    d.rectangle((560, 430, 680, 520), fill=(210, 180, 90))
    return D(im, 'card', 'NHI health insurance card', 'health card: name, ID, birth date',
             ['tw_national_id', 'person_name', 'birth_date'])


def f_resident_card():
    rid = res_id()
    nm = pick(['NGUYEN VAN AN', 'TRAN THI HOA', 'SITI AMINAH', 'MARIA SANTOS', 'SOMCHAI SRISUK', 'PHAM MINH DUC', 'JOHN SMITH'])
    im, d = card_base(1000, 630, (232, 226, 244))
    d.text((40, 20), '中華民國居留證 RESIDENT CERTIFICATE', font=F(38, 'sansb'), fill=(70, 40, 110))
    rows = [('姓名 Name', nm), ('國籍 Nationality', pick(['越南 VIETNAM', '印尼 INDONESIA', '菲律賓 PHILIPPINES', '泰國 THAILAND', '美國 U.S.A.'])),
            ('出生日期 DOB', '%d/%02d/%02d' % (ri(1970, 2002), ri(1, 12), ri(1, 28))), ('居留事由 Purpose', pick(['聘僱 Employed', '依親 Joining Family', '就學 Study'])),
            ('統一證號 UI No.', rid), ('護照號碼 Passport', pick(['C', 'B', 'P']) + digits(7)), ('居留期限 Expiry', '%d/%02d/%02d' % (ri(2025, 2028), ri(1, 12), ri(1, 28)))]
    for k, (a, b) in enumerate(rows):
        d.text((40, 95 + k * 72), a, font=F(26), fill=(80, 80, 80)); d.text((330, 90 + k * 72), b, font=F(34), fill=(10, 10, 10))
    face(d, 760, 110, 200, 260)
    return D(im, 'card', 'resident certificate (ARC)', 'ARC: name, UI number, passport number, birth date',
             ['tw_resident_id', 'passport_number', 'person_name', 'birth_date'])


def f_driver_licence():
    p = person()
    im, d = card_base(1000, 630, (240, 232, 214))
    d.text((40, 24), '中華民國駕駛執照', font=F(44, 'sansb'), fill=(120, 60, 20))
    for k, (a, b) in enumerate([('姓名', p['name']), ('出生日期', '%d-%02d-%02d' % p['bd']), ('證號', p['id']), ('住址', p['addr']),
                                 ('駕照種類', pick(['普通小型車', '普通重型機車', '職業聯結車']))]):
        d.text((40, 120 + k * 84), a, font=F(30), fill=(80, 80, 80))
        for j, ln in enumerate(wrap(b, F(34), 460)):
            d.text((190, 116 + k * 84 + j * 40), ln, font=F(34), fill=(10, 10, 10))
    face(d, 720, 110, 230, 300)
    return D(im, 'card', 'driving licence', 'licence: name, ID, birth date, address',
             ['tw_national_id', 'person_name', 'birth_date', 'address'])


def f_passport():
    s = pick(list(ROM_S)); g = pick(list(ROM_G)); sn, gn = ROM_S[s], ROM_G[g]
    pno = passport_no(); idn = tw_id()
    by, bm, bd = ri(1960, 2004), ri(1, 12), ri(1, 28)
    ey = ri(2026, 2034); em, ed = ri(1, 12), ri(1, 28)
    MON = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC']
    im, d = card_base(1250, 880, (236, 228, 236))
    d.text((40, 20), '中華民國 REPUBLIC OF CHINA (TAIWAN)　護照 PASSPORT', font=F(38, 'sansb'), fill=(80, 30, 60))
    face(d, 40, 110, 300, 390)
    rows = [('Type/型式', 'P'), ('Code/國碼', 'TWN'), ('Passport No./護照號碼', pno), ('Surname/姓', sn), ('Given names/名', gn),
            ('中文姓名', s + g), ('Date of birth/出生日期', '%02d %s %d' % (bd, MON[bm - 1], by)), ('Sex/性別', pick(['M', 'F'])),
            ('Personal Id. No./身分證字號', idn), ('Date of expiry/效期截止日', '%02d %s %d' % (ed, MON[em - 1], ey))]
    for k, (a, b) in enumerate(rows):
        d.text((380, 100 + k * 54), a, font=F(22), fill=(90, 90, 90)); d.text((760, 96 + k * 54), b, font=F(30, 'sansb'), fill=(10, 10, 10))
    l1 = ('P<TWN' + sn + '<<' + gn.replace('-', '<')).ljust(44, '<')[:44]
    dob = '%02d%02d%02d' % (by % 100, bm, bd); exp = '%02d%02d%02d' % (ey % 100, em, ed)
    sx = rows[7][1]
    opt = idn.ljust(14, '<')
    l2 = pno + mrz_cd(pno) + 'TWN' + dob + mrz_cd(dob) + sx + exp + mrz_cd(exp) + opt + mrz_cd(opt)
    l2 = l2 + mrz_cd(pno + mrz_cd(pno) + dob + mrz_cd(dob) + exp + mrz_cd(exp) + opt + mrz_cd(opt))
    d.rectangle((0, 700, 1250, 880), fill=(245, 240, 245))
    d.text((30, 712), l1, font=F(40, 'mono'), fill=(10, 10, 10)); d.text((30, 784), l2, font=F(40, 'mono'), fill=(10, 10, 10))
    return D(im, 'card', 'passport data page with MRZ', 'passport data page incl. MRZ',
             ['passport_number', 'person_name', 'birth_date', 'tw_national_id'])


def f_warrant():
    p = person()
    court = pick(['臺灣臺北地方檢察署', '臺灣新北地方檢察署', '臺灣臺中地方檢察署', '臺灣高雄地方檢察署', '臺灣桃園地方檢察署'])
    kind_ = pick(['拘票', '拘票', '搜索票'])
    pg = Page(1240, min_h=1700)
    if kind_ == '拘票':
        pg.text('%s 拘票' % court, size=44, kind='serifb', align='c')
        pg.text('案號：%d年度偵字第%s號' % (ri(112, 114), digits(5)), size=28, align='r')
        rows = [['被告', p['name']], ['性別', p['sex']], ['出生年月日', roc_str(p['bd'])], ['身分證統一編號', p['id']],
                ['住居所', p['addr']], ['案由', pick(['詐欺', '違反毒品危害防制條例', '竊盜', '洗錢防制法', '傷害'])],
                ['拘提之理由', pick(['經合法傳喚，無正當理由不到場', '有事實足認為有逃亡之虞'])], ['應解送之處所', court],
                ['備考', '拘提後應即解送指定之處所']]
        types = ['warrant', 'person_name', 'tw_national_id', 'birth_date', 'address']
    else:
        court = court.replace('檢察署', '法院')
        pg.text('%s 搜索票' % court, size=44, kind='serifb', align='c')
        pg.text('%d年聲搜字第%s號' % (ri(112, 114), digits(4)), size=28, align='r')
        rows = [['案由', pick(['違反毒品危害防制條例', '詐欺', '違反槍砲彈藥刀械管制條例'])], ['應受搜索人', p['name']],
                ['出生年月日', roc_str(p['bd'])], ['身分證統一編號', p['id']],
                ['應搜索之處所', p['addr'] + '及其附屬建物'], ['應扣押之物', '與本案有關之手機、帳冊、現金'],
                ['有效期間', '至%d年%d月%d日%d時止，逾期不得執行' % (roc_now() + (ri(8, 20),))], ['執行人員', pick(['%s 刑警大隊' % agency()[0], '調查局'])]]
        types = ['warrant', 'person_name', 'tw_national_id', 'birth_date', 'address', 'investigation_secret']
    pg.table(rows, [3, 7], size=30, head=False)
    pg.gap(40)
    pg.text('%s %s' % ('檢察官' if kind_ == '拘票' else '法官', name()), size=40, kind='serifb', align='r')
    img = pg.done()
    stamp(img, court[2:6] + '\n之印', (img.width - 220, img.height - 180), size=44, shape='rect')
    return D(img, 'paper', kind_ + ' with suspect data', 'warrant naming a suspect with ID and address', types)


def sys_query(title, rows, nav):
    def build(pg):
        pg.text(title, size=34, kind='sansb')
        pg.text('查詢條件：%s　查詢時間：%d/%02d/%02d %02d:%02d' % (pick(['統一編號', '姓名', '車號']), *roc_now(), ri(8, 18), ri(0, 59)), size=26)
        pg.table(rows, [2.4, 6], size=30, hfill=(215, 225, 240))
        pg.text('查詢人員：%s%s　用途代碼：%s' % (pick(['A', 'P']), digits(5), digits(2)), size=24, color=(100, 100, 100))
    return build, nav


def f_ris_query():
    p = person()
    rows = [['欄位', '資料'], ['姓名', p['name']], ['統一編號', p['id']], ['出生日期', roc_str(p['bd'])], ['性別', p['sex']],
            ['戶籍地址', p['addr']], ['父', name()], ['母', name()], ['遷入日期', roc_str(roc_date(90, 112))]]
    b, nav = sys_query('個別查詢 - 個人戶籍資料', rows, ['個別查詢', '批次查詢', '列印', '查詢紀錄'])
    return D(render_app('全國戶役政資訊系統', b, nav=nav), 'app', 'household registration query screenshot',
             'query result: name, ID, birth date, address', ['person_name', 'tw_national_id', 'birth_date', 'address'])


def f_vehicle_query():
    p = person(); pl = plate()
    rows = [['欄位', '資料'], ['車牌號碼', pl], ['車主姓名', p['name']], ['身分證號', p['id']], ['車主地址', p['addr']],
            ['廠牌/車型', pick(['TOYOTA ALTIS', 'HONDA CR-V', 'YAMAHA 勁戰', 'MAZDA 3', 'FORD FOCUS'])], ['車色', pick(['白', '黑', '銀', '紅'])],
            ['聯絡電話', p['mob']]]
    b, nav = sys_query('車籍資料查詢結果', rows, ['車籍查詢', '駕籍查詢', '違規查詢'])
    return D(render_app('監理車籍資訊系統', b, nav=nav), 'app', 'vehicle registration query screenshot',
             'plate + owner name, ID, address, phone', ['license_plate', 'person_name', 'tw_national_id', 'address', 'phone_number'])


def f_criminal_query():
    p = person()
    def build(pg):
        pg.text('前案紀錄表', size=36, kind='sansb')
        pg.kv([('姓名：', p['name']), ('身分證號：', p['id']), ('出生：', roc_str(p['bd']))], size=30)
        rows = [['判決日期', '案由', '判決結果', '法院']]
        for k in range(ri(2, 4)):
            rows.append(['%d/%02d/%02d' % roc_date(95, 112), pick(['竊盜', '施用第二級毒品', '公共危險(酒駕)', '詐欺', '傷害']),
                         pick(['有期徒刑6月', '有期徒刑1年2月', '拘役50日', '緩刑2年', '罰金3萬元']), pick(['臺北地院', '新北地院', '臺中地院'])])
        pg.table(rows, [2, 3, 3, 2], size=28)
    return D(render_app('刑案資訊系統', build, nav=['前案查詢', '通緝查詢', '列管人口']), 'app', 'criminal record query screenshot',
             'named person with prior convictions', ['criminal_record', 'person_name', 'tw_national_id', 'birth_date'])


def f_travel_query():
    p = person(); pno = passport_no()
    def build(pg):
        pg.text('入出國（境）資料查詢', size=36, kind='sansb')
        pg.kv([('姓名：', p['name']), ('身分證號：', p['id']), ('護照號碼：', pno)], size=30)
        rows = [['日期', '出/入', '班機', '機場', '目的地']]
        for k in range(ri(4, 8)):
            rows.append(['%d/%02d/%02d' % (ri(2022, 2025), ri(1, 12), ri(1, 28)), pick(['出境', '入境']),
                         pick(['CI', 'BR', 'JX', 'IT']) + digits(3), pick(['桃園', '松山', '高雄']), pick(['東京', '大阪', '首爾', '曼谷', '胡志明市', '上海'])])
        pg.table(rows, [2.5, 1.3, 1.6, 1.6, 2], size=28, center=True)
    return D(render_app('入出國管理系統', build, nav=['旅客查詢', '證照查詢', '統計']), 'app', 'immigration travel record screenshot',
             'named person with entry/exit records', ['travel_record', 'person_name', 'tw_national_id', 'passport_number'])


def f_household():
    pg = Page(1400, min_h=1300)
    pg.text('戶籍謄本（現戶全部）', size=42, kind='serifb', align='c')
    addr = address()
    pg.text('戶籍地址：%s　戶號：%s' % (addr, pick('ABFHK') + digits(7)), size=28)
    rows = [['稱謂', '姓名', '出生日期', '統一編號', '父', '母']]
    sur = pick(SUR)
    for rel in ['戶長', '配偶', '長子', '長女', '母'][:ri(3, 5)]:
        rows.append([rel, sur + pick(GIV) if rel != '配偶' and rel != '母' else name(), roc_str(roc_date()), tw_id('2' if '女' in rel or rel in ('配偶', '母') else '1'), name(), name()])
    pg.table(rows, [1.2, 1.8, 3.3, 2.4, 1.6, 1.6], size=28)
    pg.text('本謄本係依據戶籍資料核發　%s戶政事務所' % pick([c[0] for c in CITY]), size=26)
    img = pg.done()
    stamp(img, '戶政事務所\n核發專用章', (img.width - 260, img.height - 140), size=34, shape='rect')
    return D(img, 'paper', 'household register transcript', 'family members with ID numbers, birth dates, address',
             ['person_name', 'tw_national_id', 'birth_date', 'address'])


def f_case_list_health():
    ag = agency()
    pg = Page(1500, min_h=1200)
    t = pick(['確診個案追蹤名冊', '長照個案訪視名單', '精神照護個案列管名冊', '居家關懷個案清冊', '傳染病個案疫調名單'])
    pg.text('%s %s（內部作業 勿外流）' % (ag[0], t), size=36, kind='sansb', align='c')
    rows = [['編號', '姓名', '年齡', '電話', '住址', '診斷/狀況']]
    for k in range(ri(6, 10)):
        rows.append([str(k + 1), name(), str(ri(20, 92)), mobile(), address(), pick(['肺結核', '失智症中度', '思覺失調症', '第二型糖尿病併洗腎', '乳癌化療中',
                                                                          'COVID-19 確診', '憂鬱症', '愛滋病毒感染者', '中風後遺症', '肝硬化'])])
    pg.table(rows, [0.8, 1.6, 0.9, 2.3, 4.5, 2.6], size=26)
    return D(pg.done(), 'paper', 'case list with diagnoses', 'named citizens with phones, addresses and diagnoses',
             ['person_name', 'health_info', 'phone_number', 'address'])


def f_medical_cert():
    p = person()
    pg = Page(1240, min_h=1600)
    pg.text('%s 診斷證明書' % pick(['臺大醫院', '長庚紀念醫院', '臺北榮民總醫院', '中國醫藥大學附設醫院', '高雄醫學大學附設醫院']), size=42, kind='serifb', align='c')
    pg.table([['姓名', p['name'], '性別', p['sex']], ['出生日期', roc_str(p['bd']), '身分證號', p['id']],
              ['病歷號碼', digits(8), '應診日期', '%d/%02d/%02d' % roc_now()]], [2, 4, 2, 4], size=28, head=False)
    pg.text('診斷：', size=32, kind='sansb')
    pg.text(pick(['重度憂鬱症。', '左側乳癌第二期，已接受手術。', '腰椎椎間盤突出併神經根病變。', '慢性腎衰竭，需定期血液透析。', '酒精使用障礙症。']), size=32, indent=40)
    pg.text('醫囑：', size=32, kind='sansb')
    pg.text('患者於上述日期至本院門診就醫，建議休養%d日，宜門診追蹤治療。' % ri(3, 30), size=30, indent=40)
    pg.gap(40)
    pg.text('醫師：%s' % name(), size=34, align='r')
    return D(pg.done(), 'paper', 'medical certificate', 'named patient with diagnosis and ID',
             ['health_info', 'person_name', 'tw_national_id', 'birth_date'])


def f_bid_price():
    ag = agency()
    pg = Page(1240, min_h=1500)
    pg.text('%s 底價核定表' % ag[0], size=42, kind='sansb', align='c')
    bud = ri(100, 3000) * 10000
    rows = [['標案案號', '%d%s' % (ri(113, 114), digits(4))],
            ['標案名稱', pick(['%d年度辦公廳舍清潔勞務', '%d年度資訊設備維護案', '%d年度道路改善工程', '%d年度垃圾清運委託']) % ri(113, 114)],
            ['預算金額', '新臺幣 %s 元' % format(bud, ',')], ['建議底價', '新臺幣 %s 元' % format(int(bud * R.uniform(.88, .97) / 1000) * 1000, ',')],
            ['核定底價', '新臺幣 %s 元' % format(int(bud * R.uniform(.85, .95) / 1000) * 1000, ',')],
            ['開標日期', '%d年%d月%d日 上午10時' % roc_now()], ['核定人', '%s %s' % (pick(['局長', '處長']), name())]]
    pg.table(rows, [3, 7], size=32, head=False)
    pg.text('※本表於決標前應予保密，不得洩漏。', size=30, color=(190, 20, 20))
    img = pg.done()
    stamp(img, pick(['密', '限閱', '密件']), (img.width - 160, 120), size=ri(80, 110))
    return D(img, 'paper', 'reserve price sheet (密)', 'reserve price before opening, marked secret',
             ['procurement_secret', 'classified_marking'],
             styles=['rot90', 'rot180', 'lowq_jpeg', 'lowq_jpeg', 'photo', 'photo_skew', 'blur', 'scan'])


def f_bidders():
    ag = agency()
    pg = Page(1240, min_h=1400)
    pg.text('%s 投標廠商收件登記簿' % ag[0], size=40, kind='sansb', align='c')
    open_t = roc_now()
    pg.text('標案：%s　開標時間：%d/%02d/%02d 10:00（尚未開標）' % (pick(['%d年度資訊設備維護案', '%d年度清潔勞務', '%d年度宣導委託案']) % open_t[0], *open_t), size=28)
    rows = [['序號', '廠商名稱', '收件時間', '收件人']]
    for k, c in enumerate(R.sample(COMPANY, ri(2, 5))):
        rows.append([str(k + 1), c, '%d/%02d %02d:%02d' % (open_t[1], max(1, open_t[2] - 1), ri(9, 16), ri(0, 59)), name()])
    pg.table(rows, [1, 5, 2.5, 1.8], size=28)
    pg.text('截至截止收件時間共 %d 家投標。開標前請勿對外透露投標家數及廠商名稱。' % (len(rows) - 1), size=28, color=(190, 20, 20))
    img = pg.done()
    mark = R.random() < .6
    if mark:
        stamp(img, '密', (img.width - 140, 110), size=90)
    return D(img, 'paper', 'bidders list before opening', 'names and count of bidders before the opening',
             ['procurement_secret'] + (['classified_marking'] if mark else []))


def f_committee():
    ag = agency()
    pg = Page(1400, min_h=1300)
    pg.text('%s 採購評選委員會委員名單' % ag[0], size=40, kind='sansb', align='c')
    pg.text('標案：%s　評選會議：%d年%d月%d日（名單於評選前保密）' % ((pick(['%d年度網站建置案', '%d年度行銷宣傳案', '%d年度系統開發案']) % ri(113, 114),) + roc_now()), size=28)
    rows = [['序號', '姓名', '服務單位', '職稱', '聯絡電話']]
    for k in range(ri(5, 7)):
        rows.append([str(k + 1), name(), pick(['國立臺灣大學', '國立成功大學', '本府資訊中心', '國立清華大學', '本局', '逢甲大學']),
                     pick(['教授', '副教授', '主任', '科長', '副局長']), mobile()])
    pg.table(rows, [1, 2, 4, 2, 3], size=28)
    img = pg.done()
    stamp(img, pick(['密', '限閱']), (img.width - 150, 110), size=90)
    return D(img, 'paper', 'evaluation committee member list', 'committee names/phones before evaluation, marked secret',
             ['procurement_secret', 'person_name', 'phone_number', 'classified_marking'])


def f_appraisal():
    ag = agency()
    pg = Page(1400, min_h=1300)
    kind_ = pick(['考績', '陞遷'])
    if kind_ == '考績':
        pg.text('%s %d年度公務人員考績評分清冊（考績會審議資料 未核定）' % (ag[0], ri(113, 114)), size=34, kind='sansb', align='c')
        rows = [['姓名', '職稱', '單位主管評分', '考績會建議', '擬列等次']]
        for k in range(ri(6, 10)):
            s = ri(68, 92)
            rows.append([name(), pick(['科員', '專員', '股長', '技士', '辦事員']), str(s), str(s + ri(-3, 2)), '甲' if s >= 80 else ('乙' if s >= 70 else '丙')])
    else:
        pg.text('%s %s 陞遷甄審評分總表（限閱）' % (ag[0], pick(['科長', '股長', '專員'])), size=34, kind='sansb', align='c')
        rows = [['排序', '姓名', '現職', '考績', '學歷', '年資', '面試', '總分']]
        for k in range(ri(5, 8)):
            rows.append([str(k + 1), name(), pick(['專員', '股長', '科員']), str(ri(12, 20)), str(ri(3, 8)), str(ri(5, 15)), str(ri(20, 35)), '%.1f' % R.uniform(55, 85)])
    pg.table(rows, None, size=28, center=True)
    pg.text('※本資料於核定發布前應予保密。', size=28, color=(190, 20, 20))
    img = pg.done()
    mark = R.random() < .6
    if mark:
        stamp(img, pick(['密', '限閱']), (img.width - 150, 100), size=90)
    return D(img, 'paper', 'appraisal/promotion score sheet (unpublished)', 'named staff with scores/grades before announcement',
             ['personnel_secret', 'person_name'] + (['classified_marking'] if mark else []))


def f_classified():
    ag = agency()
    pg = Page(1240, min_h=1700)
    pg.text('機　密', size=50, kind='sansb', align='c', color=(200, 20, 20))
    letter_head(pg, ag, pick(['簽', '函', '專案報告']))
    pg.kv([('密等及解密條件或保密期限：', pick(['機密（本案執行完畢後解密）', '密（公布後解密）', '極機密（保密期限10年）'])),
           ('發文字號：', docno(ag[3]))], size=26)
    sub = pick([('主旨：「%s專案」執行計畫，陳請核示。' % pick(['淨城', '雷霆', '春雷', '守護']),
                 ['預定於%d月%d日凌晨4時同步執行，動員警力%d名。' % (ri(1, 12), ri(1, 28), ri(40, 200)), '目標處所：%s等%d處。' % (address(), ri(3, 8)),
                  '本案相關資料請勿以任何方式外流。'], ['classified_marking', 'investigation_secret', 'address']),
                ('主旨：本府組織調整及首長人事異動方案（草案），陳請核示。',
                 ['擬調整%s等3單位主管，預計下月公布。' % pick(UNITS), '名單詳附件，未公布前請嚴守秘密。'], ['classified_marking', 'personnel_secret']),
                ('主旨：%s建案都市計畫變更審議結果（未公告）。' % pick(['北區', '河濱', '車站特定區']),
                 ['審議決議：容積率由240%提高至360%。', '公告日期預定%d月%d日，公告前請保密。' % (ri(1, 12), ri(1, 28))], ['classified_marking'])])
    pg.text(sub[0], size=32, kind='serif')
    for k, t in enumerate(sub[1]):
        pg.text('%s、%s' % ('一二三四'[k], t), size=30, kind='serif', indent=40)
    pg.gap(40)
    pg.text('機　密', size=50, kind='sansb', align='c', color=(200, 20, 20))
    img = pg.done()
    stamp(img, '機密', (img.width - 180, 130), size=80)
    return D(img, 'paper', 'classified document (機密)', 'document marked 機密/密 with unpublished content', sub[2])


def f_whistle():
    ag = agency()
    p = person()
    pg = Page(1240, min_h=1700)
    kind_ = pick(['report', 'transfer'])
    if kind_ == 'report':
        pg.text('檢舉書', size=48, kind='serifb', align='c')
        pg.table([['檢舉人姓名', p['name']], ['聯絡電話', p['mob']], ['地址', p['addr']], ['身分證字號', p['id']],
                  ['被檢舉人', '%s %s%s' % (ag[0], pick(UNITS), name())],
                  ['檢舉內容', pick(['被檢舉人疑似收受廠商招待並洩漏標案資訊。', '被檢舉人上班時間經營私人事業。', '被檢舉人疑似浮報加班費。'])]],
                 [3, 7], size=30, head=False)
        pg.text('檢舉人簽名：%s　%d年%d月%d日' % ((p['name'],) + roc_now()), size=30, align='r')
        types = ['whistleblower_identity', 'person_name', 'phone_number', 'address', 'tw_national_id']
    else:
        pg.text('%s 政風室 檢舉案件處理單' % ag[0], size=38, kind='sansb', align='c')
        pg.table([['收件日期', '%d/%02d/%02d' % roc_now()], ['案號', '政%d%s' % (ri(113, 114), digits(4))],
                  ['檢舉人', '%s（%s）' % (p['name'], p['mob'])], ['檢舉人身分', pick(['本局約僱人員', '民眾', '廠商員工'])],
                  ['被檢舉人', '%s %s' % (pick(UNITS), name())], ['處理情形', '擬函請業務單位查處，檢舉人身分應予保密。']], [3, 7], size=30, head=False)
        types = ['whistleblower_identity', 'person_name', 'phone_number']
    img = pg.done()
    if R.random() < .5:
        stamp(img, '密', (img.width - 140, 100), size=90); types.append('classified_marking')
    return D(img, 'paper', 'whistleblower report with identity', "reporter's name and phone visible", types)


def f_inspection_plan():
    ag = agency()
    pg = Page(1400, min_h=1300)
    pg.text('%s %d年%d月 %s（勿外流）' % (ag[0], ri(113, 114), ri(1, 12), pick(['聯合稽查計畫', '突擊檢查排程', '餐飲衛生稽查行程', '夜間噪音稽查勤務表'])),
            size=34, kind='sansb', align='c')
    rows = [['日期', '時間', '稽查對象', '地址', '稽查項目', '帶隊']]
    for k in range(ri(5, 8)):
        rows.append(['%d/%d' % (ri(1, 12), ri(1, 28)), '%02d:%02d' % (ri(8, 23), pick([0, 30])),
                     pick(['金鑽KTV', '好運來小吃', '大發資源回收場', '夜貓酒吧', '新光冷凍食品廠', '幸福養護中心', '明星網咖', '興旺建材行', '美味早餐店']),
                     address(), pick(['消防安全', '食品衛生', '廢水排放', '噪音', '營業登記', '外籍移工']), name()])
    pg.table(rows, [1.2, 1.2, 2.5, 4, 2, 1.5], size=26)
    pg.text('※稽查時間及對象屬應秘密事項，請勿事先透露。', size=28, color=(190, 20, 20))
    img = pg.done()
    ty = ['inspection_plan']
    if R.random() < .4:
        stamp(img, '密', (img.width - 140, 100), size=90); ty.append('classified_marking')
    return D(img, 'paper', 'inspection plan with targets and dates', 'future unannounced inspection targets/dates', ty)


def f_citizen_roster():
    ag = agency()
    pg = Page(1400, min_h=1300)
    pg.text('%s%s %s' % (pick([c[0] for c in CITY]), pick(['福德里', '中興里', '光明里', '新生里']), pick(['獨居長者關懷名冊', '低收入戶訪視名冊', '急難救助申請人清冊', '里民聯絡名冊'])),
            size=36, kind='sansb', align='c')
    rows = [['編號', '姓名', '出生日期', '電話', '地址', '備註']]
    for k in range(ri(7, 11)):
        rows.append([str(k + 1), name(), '%d/%02d/%02d' % roc_date(20, 60), pick([mobile(), landline()]), address(), pick(['', '', '行動不便', '獨居', '需送餐'])])
    pg.table(rows, [0.8, 1.6, 1.8, 2.2, 4.6, 1.4], size=26)
    return D(pg.done(), 'paper', 'citizen roster with phones/addresses', 'named citizens with birth dates, phones, addresses',
             ['person_name', 'birth_date', 'phone_number', 'address'])


def f_credit_card():
    nm, sn, gn = rname()
    im, d = card_base(1000, 630, pick([(30, 50, 90), (120, 20, 30), (20, 20, 20), (180, 150, 60)]))
    d.text((40, 30), pick(['國泰世華銀行', '中國信託', '玉山銀行', '台新銀行']), font=F(40, 'sansb'), fill=(240, 240, 240))
    d.rounded_rectangle((60, 170, 180, 260), radius=10, fill=(210, 180, 90))
    d.text((60, 320), luhn_card(), font=F(60, 'monob'), fill=(245, 245, 245))
    d.text((60, 420), 'VALID THRU %02d/%02d' % (ri(1, 12), ri(25, 30)), font=F(30), fill=(230, 230, 230))
    d.text((60, 500), '%s %s' % (gn, sn), font=F(44), fill=(245, 245, 245))
    d.text((800, 500), pick(['VISA', 'MC', 'JCB']), font=F(50, 'sansb'), fill=(245, 245, 245))
    return D(im, 'card', 'credit card (front)', 'full card number and holder name', ['credit_card', 'person_name'])


def f_passbook():
    code, bank, acct = bank_acct()
    p = person()
    im, d = card_base(1200, 760, (245, 243, 236), pattern=False)
    d.rectangle((0, 0, 1200, 110), fill=pick([(30, 120, 80), (20, 70, 150), (180, 60, 40)]))
    d.text((40, 24), '%s 存摺' % bank, font=F(52, 'sansb'), fill=(255, 255, 255))
    for k, (a, b) in enumerate([('戶名', p['name']), ('帳號', acct), ('分行代號', '%s-%s' % (code, digits(4))), ('開戶日期', '%d/%02d/%02d' % roc_date(95, 112))]):
        d.text((60, 170 + k * 120), a, font=F(40), fill=(80, 80, 80)); d.text((300, 162 + k * 120), b, font=F(52, 'sansb'), fill=(10, 10, 10))
    stamp(im, p['name'][:2] + '\n' + p['name'][2:] + '印', (1000, 400), size=50, shape='rect', angle=0)
    return D(im, 'card', 'bank passbook cover', 'account holder name and account number', ['bank_account', 'person_name'])


def f_email_list():
    ag = agency()
    pg = Page(1300, min_h=1200)
    pg.text('%s 陳情人聯絡清冊（%d年%d月）' % (ag[0], ri(113, 114), ri(1, 12)), size=36, kind='sansb', align='c')
    rows = [['案號', '陳情人', '電子郵件', '手機', '陳情事項']]
    for k in range(ri(6, 10)):
        rows.append(['%d%s' % (ri(113, 114), digits(5)), name(), email_personal(), mobile(), pick(['噪音', '違停', '路燈', '鄰居違建', '狗吠', '空污'])])
    pg.table(rows, [2, 1.6, 4.2, 2.4, 1.8], size=26)
    return D(pg.done(), 'paper', 'petitioner contact list', 'citizens names with personal e-mails and mobiles',
             ['person_name', 'email', 'phone_number'])


def f_investigation():
    ag = agency()
    pg = Page(1240, min_h=1600)
    pg.text('偵查中案件 — 偵查不公開', size=32, color=(200, 20, 20), align='c')
    pg.text(pick(['通訊監察譯文', '專案偵查報告', '搜索執行計畫']), size=44, kind='sansb', align='c')
    s1, s2 = name(), name()
    pg.kv([('案號：', '%d年度他字第%s號' % (ri(112, 114), digits(4))), ('犯罪嫌疑人：', '%s、%s' % (s1, s2)),
           ('監察門號：', mobile()), ('預定執行日期：', '%d年%d月%d日 06:00' % roc_now())], size=30)
    pg.text('譯文摘要：', size=30, kind='sansb')
    for t in ['%s：貨明天到，老地方見。' % s1, '%s：錢先匯到人頭帳戶，不要用自己的。' % s2, '%s：最近風聲緊，手機用完就丟。' % s1]:
        pg.text(t, size=30, indent=30)
    pg.text('本報告內容依刑事訴訟法第245條偵查不公開，不得洩漏。', size=28, color=(200, 20, 20))
    img = pg.done()
    stamp(img, '密', (img.width - 140, 100), size=90)
    return D(img, 'paper', 'investigation report (偵查不公開)', 'named suspects, tapped number, planned raid date',
             ['investigation_secret', 'person_name', 'phone_number', 'classified_marking'])


def f_filled_form():
    ag = agency(); p = person()
    pg = Page(1240, min_h=1754)
    pg.text('%s %s' % (ag[0], pick(FORM_TITLES[:5])), size=38, kind='sansb', align='c')
    pg.text('收件編號：%d%s　收件日期：%d年%d月%d日' % ((ri(113, 114), digits(5)) + roc_now()), size=24, align='r')
    rows = [['申請人姓名', p['name']], ['身分證統一編號', p['id']], ['出生日期', roc_str(p['bd'])], ['性別', '■%s' % p['sex']],
            ['行動電話', p['mob']], ['戶籍地址', p['addr']], ['申請事由', pick(['先生車禍過世，家中無收入，需扶養兩名子女。', '本人罹患癌症需長期治療，無法工作。', '失業半年，積欠房租。'])]]
    pg.table(rows, [3, 7], size=30, head=False)
    pg.text('申請人簽章：%s' % p['name'], size=30, align='r')
    ty = ['person_name', 'tw_national_id', 'birth_date', 'phone_number', 'address']
    if '癌' in rows[-1][1]:
        ty.append('health_info')
    return D(pg.done(), 'paper', 'filled application form (real data)', "a citizen's completed application form", ty)


def f_chat_leak():
    p = person(); n1, n2, n3 = name(), name(), name()
    v = pick(['id', 'warrant', 'plate', 'bid', 'inspect', 'whistle', 'health', 'appraisal', 'travel', 'bank', 'committee'])
    if v == 'id':
        msgs = [('D', '今天'), ('L', n1, '幫我查一下這個人有沒有欠稅', '10:02'),
                ('L', n1, '%s %s 生日 %d/%d/%d' % (p['name'], p['id'], *p['bd']), '10:02'), ('R', '好，我等等查', '10:05')]
        ty = ['person_name', 'tw_national_id', 'birth_date']
    elif v == 'warrant':
        msgs = [('D', '今天'), ('L', n1 + '學長', '拘票下來了，明天早上6點去%s抓%s' % (p['addr'], p['name']), '22:10'),
                ('L', n2, '他身分證 %s 對一下' % p['id'], '22:11'), ('R', '收到，5點半集合', '22:12')]
        ty = ['warrant', 'investigation_secret', 'person_name', 'address', 'tw_national_id']
    elif v == 'plate':
        pl = plate()
        msgs = [('D', '昨天'), ('L', n1, '%s 這台車主是誰？擋到我家車庫' % pl, '19:30'),
                ('R', '車主%s，住%s，電話%s' % (p['name'], p['addr'], p['mob']), '19:41'), ('L', n1, '感謝！', '19:42')]
        ty = ['license_plate', 'person_name', 'address', 'phone_number']
    elif v == 'bid':
        msgs = [('D', '今天'), ('L', n1, '清潔勞務案現在幾家投？', '15:20'),
                ('R', '目前3家：%s、%s、%s，底價抓%s萬' % (*R.sample(COMPANY, 3), ri(200, 900)), '15:22'), ('L', n1, '了解，我跟老闆說', '15:23')]
        ty = ['procurement_secret']
    elif v == 'inspect':
        msgs = [('D', '今天'), ('L', n1 + '組長', '明晚10點突擊稽查：%s、%s，集合地點分局。不要外傳' % (pick(['金鑽KTV', '夜貓酒吧', '明星網咖']), pick(['大發資源回收場', '幸福養護中心'])), '18:00'),
                ('L', n2, '要帶幾個人？', '18:02'), ('R', '我這邊4個', '18:03')]
        ty = ['inspection_plan']
    elif v == 'whistle':
        msgs = [('D', '今天'), ('L', n1, '那個檢舉你們科長的是誰？', '11:00'),
                ('R', '檢舉人是%s，住%s，電話%s，你別說是我講的' % (p['name'], p['addr'], p['mob']), '11:06')]
        ty = ['whistleblower_identity', 'person_name', 'address', 'phone_number']
    elif v == 'health':
        msgs = [('D', '今天'), ('L', n1, '%s里那個%s（%d歲）確診肺結核，電話%s，大家小心' % (pick(['福德', '中興', '光明']), p['name'], ri(30, 80), p['mob']), '08:40'),
                ('L', n2, '他住哪？', '08:41'), ('L', n1, p['addr'], '08:41')]
        ty = ['health_info', 'person_name', 'phone_number', 'address']
    elif v == 'appraisal':
        msgs = [('D', '今天'), ('L', n1, '考績還沒公布，偷偷跟你說', '17:10'),
                ('L', n1, '%s 乙等、%s 丙等，%s 甲等第一名' % (n2, n3, name()), '17:10'), ('R', '真的假的！', '17:11')]
        ty = ['personnel_secret', 'person_name']
    elif v == 'travel':
        msgs = [('D', '今天'), ('L', n1, '幫我看%s最近有沒有出國' % p['name'], '13:00'),
                ('R', '有，%d/%d 出境去曼谷，%d/%d 入境，護照%s' % (ri(1, 12), ri(1, 28), ri(1, 12), ri(1, 28), passport_no()), '13:20')]
        ty = ['travel_record', 'person_name', 'passport_number']
    elif v == 'bank':
        code, bank, acct = bank_acct()
        msgs = [('D', '今天'), ('L', n1, '民眾退費資料：%s %s(%s) 帳號 %s' % (p['name'], bank, code, acct), '09:30'),
                ('L', n1, '身分證 %s，電話 %s' % (p['id'], p['mob']), '09:30'), ('R', '收到', '09:35')]
        ty = ['bank_account', 'person_name', 'tw_national_id', 'phone_number']
    else:
        msgs = [('D', '今天'), ('L', n1, '評選委員名單出來了：%s、%s、%s 教授，下週三評選' % (n2, n3, name()), '16:00'),
                ('L', n1, '先別跟廠商講', '16:01'), ('R', 'OK', '16:02')]
        ty = ['procurement_secret', 'person_name']
    pre = pick([[], [('L', name(), '早安', '08:00')], [('L', name(), '今天下午會議取消', '08:30'), ('R', '好', '08:31')]])
    msgs = msgs[:1] + pre + msgs[1:]
    return D(render_chat(pick(['%s群組' % pick(UNITS), '同梯好友', '%s工作群' % pick(['稽查', '專案', '採購'])]), msgs), 'chat',
             'chat screenshot disclosing %s' % v, 'chat message leaks %s' % v, ty)


def f_photo_of_screen_id():
    # ID card held next to application on the counter, photographed casually (whole scene)
    p = person()
    card = id_front(p['name'], p['sex'], p['bd'], roc_date(99, 112), p['id'])
    bg = Image.new('RGB', (1600, 1200), pick([(190, 180, 160), (120, 120, 120), (60, 60, 70)]))
    d = ImageDraw.Draw(bg)
    d.rectangle((80, 100, 900, 1150), fill=(250, 250, 250))
    d.text((120, 140), '申請書', font=F(44, 'sansb'), fill=(20, 20, 20))
    for k in range(10):
        d.line((120, 240 + k * 80, 860, 240 + k * 80), fill=(180, 180, 180), width=2)
    card = card.rotate(R.uniform(-12, 12), expand=True, fillcolor=bg.getpixel((1500, 50)))
    bg.paste(card, (620, 300))
    return D(bg, 'card', 'ID card on counter with paperwork', 'counter photo with full ID card in view',
             ['tw_national_id', 'person_name', 'birth_date'])


# (func, count) -- leaking images
FLAG = [(f_id_card, 12), (f_health_card, 7), (f_resident_card, 6), (f_driver_licence, 6), (f_passport, 6), (f_warrant, 9),
        (f_ris_query, 6), (f_vehicle_query, 5), (f_criminal_query, 5), (f_travel_query, 5), (f_household, 5),
        (f_case_list_health, 6), (f_medical_cert, 5), (f_bid_price, 9), (f_bidders, 5), (f_committee, 5), (f_appraisal, 7),
        (f_classified, 6), (f_whistle, 6), (f_inspection_plan, 6), (f_citizen_roster, 6), (f_credit_card, 4), (f_passbook, 4),
        (f_email_list, 4), (f_investigation, 4), (f_filled_form, 5), (f_chat_leak, 22), (f_photo_of_screen_id, 4)]




def main():
    os.makedirs(IMGDIR, exist_ok=True)
    for f in os.listdir(IMGDIR):
        os.remove(os.path.join(IMGDIR, f))
    jobs = [(fn, 'allow') for fn, n in ALLOW for _ in range(n)] + [(fn, 'flag') for fn, n in FLAG for _ in range(n)]
    order = random.Random(SEED).sample(range(len(jobs)), len(jobs))
    rows = []
    for num, j in enumerate(order, 1):
        fn, exp = jobs[j]
        R.seed(SEED * 1000 + num)
        global NP
        NP = np.random.default_rng(SEED * 1000 + num)
        MINF[0] = 999
        item = fn()
        img = item['img']
        styles = item.get('styles') or STYLES[item['family']]
        style = item.get('style') or pick(styles)
        out, ext, q, fx = finish(img.convert('RGB'), style, item['family'])
        iid = 'u%04d' % num
        path = 'img/%s.%s' % (iid, ext)
        if ext == 'jpg':
            out.save(os.path.join(HERE, path), quality=q)
        else:
            out.save(os.path.join(HERE, path), optimize=False, compress_level=3)
        types = sorted(set(item.get('types', [])))
        assert (exp == 'flag') == bool(types), (fn.__name__, types)
        rows.append(dict(id=iid, image=path, expect=exp, types=types, doc=item['doc'], style=style,
                         note='[' + fn.__name__ + '] ' + item['note'] + ' | fx: ' + ', '.join(fx) + ' | %dx%d' % out.size,
                         ))
        if num % 50 == 0:
            print(num, 'done', file=sys.stderr)
    with open(os.path.join(HERE, 'labels.jsonl'), 'w', encoding='utf-8') as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + '\n')
    c = collections.Counter(r['expect'] for r in rows)
    print('total', len(rows), dict(c))


if __name__ == '__main__':
    sys.path.insert(0, HERE)
    main()
