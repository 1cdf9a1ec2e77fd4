"""The code's words in each language: the Matrix specification's SAS emoji table.

Source: ``data-definitions/sas-emoji.json`` of the public repository matrix-org/matrix-spec
(commit 9e94fb8dbc5db00be5b803e5757c402270674d78), copyright The Matrix.org Foundation
C.I.C., licensed under the Apache License, Version 2.0
(https://www.apache.org/licenses/LICENSE-2.0). Its 64 emoji are :data:`secket.core.sas.EMOJI`
in the same order, and its English ``description`` is the word there; the rows below are its
``translated_descriptions`` for the languages of :mod:`secket.i18n.languages`, copied as
they are, with these choices:

- Portuguese takes the table's ``pt_BR`` words: the page's Portuguese is Brazilian.
- Russian has "Ключ" for both the spanner and the key; the spanner is "Гаечный ключ" here,
  so that no two emoji of one language share a word (a test checks that).
- An entry the table leaves empty (``null``; none of these languages had one at that
  commit) would be None here and be shown with the English word: the emoji and the number
  beside it are the same in every language anyway, and they are what two people who speak
  different languages compare.

The emoji, the colour and the number never change with the language: only the words do.
"""

from __future__ import annotations

from typing import Final

from ..core.sas import EMOJI

#: The languages of each row, in order.
COLUMNS: Final = ("de", "fr", "es", "pt", "ru", "zh-Hans", "ja", "ar")

# fmt: off
_ROWS: Final[tuple[tuple[str | None, ...], ...]] = (
    ("Hund", "Chien", "Perro", "Cachorro", "Собака", "狗", "犬", "كلب"),
    ("Katze", "Chat", "Gato", "Gato", "Кошка", "猫", "猫", "هِرَّة"),
    ("Löwe", "Lion", "León", "Leão", "Лев", "狮子", "ライオン", "أَسَد"),
    ("Pferd", "Cheval", "Caballo", "Cavalo", "Лошадь", "马", "馬", "حِصَان"),
    ("Einhorn", "Licorne", "Unicornio", "Unicórnio", "Единорог", "独角兽", "ユニコーン",
     "حصان وحيد القرن"),
    ("Schwein", "Cochon", "Cerdo", "Porco", "Свинья", "猪", "ブタ", "خِنزِير"),
    ("Elefant", "Éléphant", "Elefante", "Elefante", "Слон", "大象", "ゾウ", "فِيل"),
    ("Hase", "Lapin", "Conejo", "Coelho", "Кролик", "兔子", "うさぎ", "أَرنَب"),
    ("Panda", "Panda", "Panda", "Panda", "Панда", "熊猫", "パンダ", "باندَا"),
    ("Hahn", "Coq", "Gallo", "Galo", "Петух", "公鸡", "ニワトリ", "دِيك"),
    ("Pinguin", "Manchot", "Pingüino", "Pinguim", "Пингвин", "企鹅", "ペンギン", "بطريق"),
    ("Schildkröte", "Tortue", "Tortuga", "Tartaruga", "Черепаха", "乌龟", "亀", "سُلحفاة"),
    ("Fisch", "Poisson", "Pez", "Peixe", "Рыба", "鱼", "魚", "سَمَكة"),
    ("Oktopus", "Poulpe", "Pulpo", "Polvo", "Осьминог", "章鱼", "たこ", "أُخطُبُوط"),
    ("Schmetterling", "Papillon", "Mariposa", "Borboleta", "Бабочка", "蝴蝶", "ちょうちょ",
     "فَرَاشَة"),
    ("Blume", "Fleur", "Flor", "Flor", "Цветок", "花", "花", "زَهرَة"),
    ("Baum", "Arbre", "Árbol", "Árvore", "Дерево", "树", "木", "شَجَرَة"),
    ("Kaktus", "Cactus", "Cactus", "Cacto", "Кактус", "仙人掌", "サボテン", "صبار"),
    ("Pilz", "Champignon", "Seta", "Cogumelo", "Гриб", "蘑菇", "きのこ", "فُطر"),
    ("Globus", "Globe", "Globo", "Globo", "Глобус", "地球", "地球", "كُرَةٌ أرضِيَّة"),
    ("Mond", "Lune", "Luna", "Lua", "Луна", "月亮", "月", "قَمَر"),
    ("Wolke", "Nuage", "Nube", "Nuvem", "Облако", "云", "雲", "سَحابَة"),
    ("Feuer", "Feu", "Fuego", "Fogo", "Огонь", "火", "炎", "نار"),
    ("Banane", "Banane", "Plátano", "Banana", "Банан", "香蕉", "バナナ", "مَوزَة"),
    ("Apfel", "Pomme", "Manzana", "Maçã", "Яблоко", "苹果", "リンゴ", "تُفَّاحَة"),
    ("Erdbeere", "Fraise", "Fresa", "Morango", "Клубника", "草莓", "いちご", "فَراوِلَة"),
    ("Mais", "Maïs", "Maíz", "Milho", "Кукуруза", "玉米", "とうもろこし", "ذُرَة"),
    ("Pizza", "Pizza", "Pizza", "Pizza", "Пицца", "披萨", "ピザ", "بِيتزا"),
    ("Kuchen", "Gâteau", "Tarta", "Bolo", "Торт", "蛋糕", "ケーキ", "كَعكَة"),
    ("Herz", "Cœur", "Corazón", "Coração", "Сердце", "心", "ハート", "قَلب"),
    ("Lächeln", "Sourire", "Emoticono", "Sorriso", "Улыбка", "笑脸", "スマイル",
     "اِبتِسَامَة"),
    ("Roboter", "Robot", "Robot", "Robô", "Робот", "机器人", "ロボット", "رُوبُوت"),
    ("Hut", "Chapeau", "Sombrero", "Chapéu", "Шляпа", "帽子", "帽子", "قُبَّعَة"),
    ("Brille", "Lunettes", "Gafas", "Óculos", "Очки", "眼镜", "めがね", "نَظَّارَة"),
    ("Schraubenschlüssel", "Clé à molette", "Llave inglesa", "Chave inglesa",
     "Гаечный ключ", "扳手", "スパナ", "مِفتَاحُ رَبط"),
    ("Weihnachtsmann", "Père Noël", "Papá Noel", "Papai-noel", "Санта", "圣诞老人", "サンタ",
     "سانتا"),
    ("Daumen Hoch", "Pouce en l’air", "Pulgar arriba", "Joinha", "Большой палец вверх",
     "赞", "いいね", "رَفعُ إِبهَام"),
    ("Regenschirm", "Parapluie", "Paraguas", "Guarda-chuva", "Зонт", "伞", "傘", "مِظَلَّة"),
    ("Sanduhr", "Sablier", "Reloj de arena", "Ampulheta", "Песочные часы", "沙漏", "砂時計",
     "سَاعَةٌ رَملِيَّة"),
    ("Uhr", "Réveil", "Reloj", "Relógio", "Часы", "时钟", "時計", "سَاعَة"),
    ("Geschenk", "Cadeau", "Regalo", "Presente", "Подарок", "礼物", "ギフト", "هَدِيَّة"),
    ("Glühbirne", "Ampoule", "Bombilla", "Lâmpada", "Лампочка", "灯泡", "電球", "مِصبَاح"),
    ("Buch", "Livre", "Libro", "Livro", "Книга", "书", "本", "كِتَاب"),
    ("Bleistift", "Crayon", "Lápiz", "Lápis", "Карандаш", "铅笔", "鉛筆", "قَلَمُ رَصاص"),
    ("Büroklammer", "Trombone", "Clip", "Clipe de papel", "Скрепка", "回形针", "クリップ",
     "مِشبَكُ وَرَق"),
    ("Schere", "Ciseaux", "Tijeras", "Tesoura", "Ножницы", "剪刀", "はさみ", "مِقَصّ"),
    ("Schloss", "Cadenas", "Candado", "Cadeado", "Замок", "锁", "錠前", "قُفل"),
    ("Schlüssel", "Clé", "Llave", "Chave", "Ключ", "钥匙", "鍵", "مِفتَاح"),
    ("Hammer", "Marteau", "Martillo", "Martelo", "Молоток", "锤子", "金槌", "مِطرَقَة"),
    ("Telefon", "Téléphone", "Teléfono", "Telefone", "Телефон", "电话", "電話機", "تِلِفُون"),
    ("Flagge", "Drapeau", "Bandera", "Bandeira", "Флаг", "旗帜", "旗", "عَلَم"),
    ("Zug", "Train", "Tren", "Trem", "Поезд", "火车", "電車", "قِطَار"),
    ("Fahrrad", "Vélo", "Bicicleta", "Bicicleta", "Велосипед", "自行车", "自転車", "دَرّاجَة"),
    ("Flugzeug", "Avion", "Avión", "Avião", "Самолет", "飞机", "飛行機", "طَائِرة"),
    ("Rakete", "Fusée", "Cohete", "Foguete", "Ракета", "火箭", "ロケット", "صَارُوخ"),
    ("Pokal", "Trophée", "Trofeo", "Troféu", "Кубок", "奖杯", "トロフィー", "كَأسُ النَّصر"),
    ("Ball", "Ballon", "Bola", "Bola", "Мяч", "球", "ボール", "كُرَة"),
    ("Gitarre", "Guitare", "Guitarra", "Guitarra", "Гитара", "吉他", "ギター", "غيتار"),
    ("Trompete", "Trompette", "Trompeta", "Trombeta", "Труба", "喇叭", "トランペット", "بُوق"),
    ("Glocke", "Cloche", "Campana", "Sino", "Колокол", "铃铛", "ベル", "جَرَس"),
    ("Anker", "Ancre", "Ancla", "Âncora", "Якорь", "锚", "いかり", "مِرسَاة"),
    ("Kopfhörer", "Casque audio", "Cascos", "Fones de ouvido", "Наушники", "耳机", "ヘッドホン",
     "سَمّاعَة رَأس"),
    ("Ordner", "Dossier", "Carpeta", "Pasta", "Папка", "文件夹", "フォルダー", "مُجَلَّد"),
    ("Stecknadel", "Punaise", "Alfiler", "Alfinete", "Булавка", "图钉", "ピン", "دَبُّوس"),
)
# fmt: on

_ENGLISH: Final = tuple(word for _, word in EMOJI)


def words(language: str) -> tuple[str, ...]:
    """The 64 words of ``language``, in the order of :data:`secket.core.sas.EMOJI`; English
    for a language the table does not have, and for any entry it leaves empty."""
    if language not in COLUMNS:
        return _ENGLISH
    column = COLUMNS.index(language)
    return tuple(row[column] or english for row, english in zip(_ROWS, _ENGLISH, strict=True))
