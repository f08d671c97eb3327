import random, hashlib, sys
random.seed(19)
types = ["greeting","small_talk","check_in","celebration","simple_question","chit_chat","deep_coaching","pattern_analysis","goal_setting","accountability"]
def fnv(s):
    h=0xcbf29ce484222325
    for b in s.encode():
        h^=b; h=(h*0x100000001b3)&0xFFFFFFFFFFFFFFFF
    return h
def typo(w):
    if len(w)<4 or not w.isalpha(): return w
    i=random.randrange(1,len(w)-1); k=random.random()
    if k<0.4: return w[:i]+w[i+1]+w[i]+w[i+2:]
    if k<0.7: return w[:i]+w[i+1:]
    if k<0.85: return w[:i]+w[i]+w[i:]
    return w[:i]+random.choice("aeiosnrt")+w[i+1:]
def vary(t, label):
    kind=random.random()
    words=t.split(" ")
    if kind<0.30:
        idx=[i for i,w in enumerate(words) if len(w)>=4 and w.isalpha()]
        if idx:
            for i in random.sample(idx, min(len(idx), 1 if len(idx)<6 else 2)): words[i]=typo(words[i])
            return " ".join(words)
    if kind<0.45: return t.upper() if len(t)<40 else t.lower()
    if kind<0.55: return t.lower().rstrip("?!.")
    if kind<0.65: return t.rstrip("?!.")+random.choice(["!!!","??","...","!!1"," ?"])
    if kind<0.75: return t+" "+random.choice(["😅","🙏","😩","🎉","👍","✨","🙂","😬","💪","🤔"])
    if kind<0.85:
        pre=random.choice(["hey, ","ok so ","so ","um ","quick one: ","hmm ","btw ","honestly "]) if label not in ("greeting","small_talk") else random.choice(["oh ","ah ","","well "])
        return pre+t[0].lower()+t[1:]
    if kind<0.92:
        # stretch a vowel at the end of a word
        for i in range(len(words)-1,-1,-1):
            w=words[i]
            if w and w[-1] in "aeiouyshk" and w.isalpha():
                words[i]=w+w[-1]*random.randint(2,4); break
        return " ".join(words)
    suf=random.choice([" lol"," tbh"," pls"," rn"," haha"," ugh"]) if label not in ("greeting",) else random.choice(["!"," :)"," :D"])
    return t.rstrip("?!.")+suf
rows=[]; seen=set()
for label in types:
    for line in open(label+".txt"):
        t=line.strip()
        if not t: continue
        split="holdout" if fnv(t)%5==0 else "tune"
        if t.lower() in seen: continue
        seen.add(t.lower()); rows.append((split,label,t,"base"))
        if True:
            v=vary(t,label)
            if v.lower() not in seen and v.strip():
                seen.add(v.lower()); rows.append((split,label,v,"variant"))
out=open(sys.argv[1],"w")
out.write("# Routing development set: split <TAB> label <TAB> source <TAB> message. Written for this purpose from the\n# label definitions, independently of prompts/routes/; 'variant' lines are a seeded noisy copy (typo, casing,\n# punctuation, emoji, stretched letters, chatty prefix) of the base line above, in the same split.\n# The 'holdout' fifth (by a hash of the base text) is never used for tuning.\n")
for s,l,t,src in rows: out.write(f"{s}\t{l}\t{src}\t{t}\n")
import collections
print(len(rows), collections.Counter(r[0] for r in rows), collections.Counter(r[1] for r in rows))
