"""The vocabulary of the demo community: groups, tags, jobs, evidence and activities."""

from modconsole.domain.enums import ActivityType, GroupKind

REGIONS = ["北京", "上海", "广州", "深圳", "杭州", "成都", "武汉", "西安"]
JOBS = ["设计师", "教师", "程序员", "宝妈", "学生", "销售", "医生", "自由职业", "会计", "产品经理",
        "摄影师", "律师", "厨师", "公务员", "创业者"]
INTERESTS = ["读书", "健身", "美食", "旅行", "摄影", "育儿", "理财", "编程"]
SPEND_BANDS = ["未付费", "299档", "800档", "3000档"]
SOURCES = ["公众号", "线下活动", "老带新", "短视频", "朋友圈"]
LIFECYCLE = ["新人", "活跃", "沉默", "流失预警"]

# (name, colour, exclusive, tags)
TAG_GROUPS = [
    ("地区", "#1e88e5", True, REGIONS),
    ("兴趣", "#43a047", False, INTERESTS),
    ("消费档位", "#fb8c00", True, SPEND_BANDS),
    ("来源", "#8e24aa", True, SOURCES),
    ("生命周期", "#e53935", True, LIFECYCLE),
]

# (name, kind, cap, who may join): None means anyone.
GROUPS = [
    ("悦读社·引流1群", GroupKind.FUNNEL, 200, None),
    ("悦读社·引流2群", GroupKind.FUNNEL, 200, None),
    ("新人报到群", GroupKind.NEWCOMER, 200, "newcomer"),
    ("21天读书打卡训练营", GroupKind.TRAINING, 100, None),
    ("核心VIP群", GroupKind.CORE, 30, "core"),
    ("北京同城群", GroupKind.REGIONAL, 100, "北京"),
    ("上海同城群", GroupKind.REGIONAL, 100, "上海"),
    ("广深同城群", GroupKind.REGIONAL, 100, "广州|深圳"),
    ("299会员群", GroupKind.SPEND_TIER, 40, "299档"),
    ("800会员群", GroupKind.SPEND_TIER, 40, "800档"),
    ("3000会员群", GroupKind.SPEND_TIER, 40, "3000档"),
]

STAFF = [("陈思远", "admin"), ("林晓雯", "lead"), ("王浩然", "moderator"),
         ("赵一鸣", "moderator"), ("周小满", "ops")]

# Evidence excerpts by rule (the demo's reports): each one breaks the rule it is filed under.
EVIDENCE = {
    "SPAM.REPEATED": ["加我微信领取免费课程，名额有限！", "转发这条消息到3个群即可领红包"],
    "SPAM.DECEPTIVE_LINK": ["低价代购，点击链接 http://t.cn/xxxx"],
    "SPAM.FAKE_INTERACTION": ["兼职刷单日结200，私聊", "帮忙点赞评论，一条五毛"],
    "SPAM.DECEPTIVE_MARKETING": ["这款茶喝一个月瘦二十斤，无效退款"],
    "UNFRIENDLY.CONTEMPT": ["你懂什么，别在这丢人现眼"],
    "UNFRIENDLY.DISCRIMINATE": ["地域黑：xx地方的人都这样"],
    "UNFRIENDLY.THREAT": ["再说一句试试？看我怎么收拾你"],
    "GROUP.FLOOD": ["（连续发送同一表情 30 次）", "（1 分钟内 12 条语音）"],
    "GROUP.UNRELATED_AD": ["帮我砍一刀！帮我砍一刀！"],
    "MISINFO.FACTUAL": ["喝醋能软化血管，大家快转发"],
    "MISINFO.EXAGGERATION": ["据说明天全市停水三天"],
    "PORN.VULGAR": ["（发送低俗图片）"],
    "PORN.SUGGESTIVE": ["擦边视频链接"],
    "CLICKBAIT.SHOCK": ["震惊！99%的人都不知道的秘密……"],
    "CLICKBAIT.MISLEADING": ["看完这篇你会哭（链接内容与标题无关）"],
    "SUPERSTITION.PAID": ["大师帮你改运，付费看八字"],
    "FANDOM.RIGGED": ["都给我去控评，不去的不是真粉"],
    "FANDOM.DOXXING": ["扒出来了，这是她的住址"],
    "ILLEGAL.RUMOUR": ["（散布未经证实的灾情谣言）"],
    "HARM.IMITATION": ["挑战：不系安全带开快车"],
}
# What members say when they appeal, by rule category.
APPEALS = {
    "SPAM": ["我只是转发朋友的活动，不知道算广告，下次注意。",
             "那个链接是我自己店铺的，以为可以分享。"],
    "UNFRIENDLY": ["当时在开玩笑，对方也没在意，请求减轻处罚。",
                   "是对方先挑衅的，我只是回了一句。"],
    "GROUP": ["手机卡了重复发送，不是故意刷屏。", "那是群里的接龙，我以为大家都在发。"],
}
APPEAL_DEFAULT = ["我认为处罚过重，请求复核。"]
CATEGORY_WEIGHTS = {"SPAM": 40, "UNFRIENDLY": 20, "GROUP": 20, "MISINFO": 6, "PORN": 4,
                    "CLICKBAIT": 4, "SUPERSTITION": 2, "FANDOM": 2, "ILLEGAL": 1, "HARM": 1}

# One week's plan: (weekday 0=Mon, local hour, minute, hours long, type, title, location)
WEEKLY_PLAN = [
    (2, 19, 30, 1.5, ActivityType.LECTURE, "读书分享会：《被讨厌的勇气》", ""),
    (4, 20, 0, 1.0, ActivityType.LIVE_STREAM, "周五直播：作者面对面", ""),
    (5, 14, 0, 3.0, ActivityType.SALON, "线下读书沙龙", "上海·静安区 梧桐咖啡馆"),
    (6, 21, 0, 0.5, ActivityType.LUCKY_DRAW, "周日抽奖：送出 5 本新书", ""),
]
# Recurring slots: (rrule, local hour, minute, hours long, type, title)
RECURRING = [
    ("FREQ=DAILY", 20, 0, 1.0, ActivityType.TOPIC, "每晚八点话题问答"),
    ("FREQ=WEEKLY;BYDAY=MO", 7, 30, 0.5, ActivityType.CHECK_IN, "周一早安打卡"),
]
THEMES = [("健康周", 0, 6, "#c8e6c9"), ("读书月", 7, 34, "#ffe0b2")]  # days from this Monday
NOTES = ["多次在群里帮新人答疑，可以考虑邀请做志愿者", "对线下活动很感兴趣，下次沙龙优先通知",
         "上次活动反馈音质不好，已跟进", "付费意向强，关注 3000 档权益",
         "最近情绪较大，注意沟通方式"]
