package synth

// Vocabulary for synthetic abstracts, titles and names. Each word list is
// ordered from most to least frequent: the generator samples it with a Zipf
// law, so the head ("model", "language", "data") dominates as in real
// abstracts and the tail (the rare words at the end) shows up only now and
// then.

var nouns = []string{
	"model", "language", "data", "performance", "tasks", "reasoning", "training",
	"models", "generation", "benchmark", "learning", "agents", "inference", "tokens",
	"diffusion", "video", "image", "framework", "alignment", "retrieval", "evaluation",
	"representation", "attention", "policy", "knowledge", "context", "quality",
	"accuracy", "transformer", "efficiency", "supervision", "instructions", "feedback",
	"reward", "dataset", "understanding", "architecture", "optimization", "scaling",
	"robustness", "generalization", "latency", "memory", "planning", "search",
	"embeddings", "features", "signals", "trajectories", "environments", "tools",
	"code", "mathematics", "perception", "speech", "audio", "text", "vision",
	"decoding", "sampling", "distillation", "pretraining", "fine-tuning", "adaptation",
	"compression", "quantization", "pruning", "routing", "experts", "layers",
	"heads", "parameters", "gradients", "loss", "objective", "preferences",
	"safety", "hallucination", "uncertainty", "calibration", "consistency",
	"fidelity", "controllability", "diversity", "coherence", "interpretability",
	"verification", "verifiers", "rollouts", "exploration", "curriculum",
	"synthesis", "editing", "segmentation", "detection", "tracking", "reconstruction",
	"rendering", "geometry", "scenes", "objects", "motion", "physics", "robots",
	"manipulation", "navigation", "actions", "interactions", "dialogue", "users",
	"queries", "documents", "passages", "graphs", "tables", "charts", "programs",
	"proofs", "theorems", "questions", "answers", "captions", "prompts", "demonstrations",
	"annotations", "labels", "errors", "failures", "bias", "fairness", "privacy",
	"attacks", "jailbreaks", "watermarks", "throughput", "hardware", "kernels",
	"caches", "sequences", "windows", "frames", "pixels", "patches", "latents",
	"noise", "denoising", "guidance", "conditioning", "priors", "posteriors",
	"distributions", "samples", "estimators", "metrics", "judges", "rankings",
	"leaderboards", "baselines", "ablations", "pipelines", "workflows", "modules",
	"components", "interfaces", "protocols", "simulations", "worlds", "avatars",
	"faces", "voices", "music", "languages", "translation", "summarization",
	"classification", "regression", "forecasting", "time series", "molecules",
	"proteins", "genomics", "medicine", "radiology", "chemistry", "materials",
	"weather", "finance", "law", "education", "software", "repositories",
	"compilers", "spreadsheets", "web pages", "browsers", "GUIs", "screenshots",
	"LLMs", "VLMs", "MLLMs", "LRMs", "RLHF", "RLVR", "DPO", "GRPO", "LoRA", "MoE",
	"KV cache", "chain-of-thought", "in-context learning", "test-time compute",
	"self-play", "self-consistency", "tokenizers", "vocabularies", "morphology",
	"syntax", "semantics", "pragmatics", "commonsense", "causality", "counterfactuals",
	"symmetry", "invariance", "equivariance", "manifolds", "topology", "spectra",
	"sparsity", "low-rank structure", "entropy", "perplexity", "divergence",
	"Wasserstein distance", "optimal transport", "score matching", "flow matching",
	"consistency models", "state-space models", "Mamba", "recurrence", "convolutions",
	"hypernetworks", "neural fields", "Gaussian splats", "point clouds", "meshes",
	"voxels", "depth", "normals", "lighting", "materials", "textures", "stylization",
	"provenance", "licensing", "contamination", "memorization", "unlearning",
	"sycophancy", "deception", "persuasion", "theory of mind", "emergence",
	"grokking", "superposition", "circuits", "probes", "steering vectors",
	"heteroscedasticity", "holonomy", "sheaves", "tropical geometry", "Koopman operators",
	"ergodicity", "martingales", "Lipschitz constants", "Hessians", "saddle points",
	"phonemes", "prosody", "diacritics", "code-switching", "dialects", "ideographs",
	"palimpsests", "cuneiform", "sign language", "haptics", "olfaction", "seismology",
	"crystallography", "spectroscopy", "phylogenetics", "epidemiology", "hydrology",
}

var adjectives = []string{
	"large", "multimodal", "efficient", "visual", "scalable", "robust", "diverse",
	"long", "open", "complex", "generative", "structured", "unified", "adaptive",
	"reliable", "fine-grained", "high-quality", "real-world", "multi-step", "end-to-end",
	"lightweight", "dense", "sparse", "hierarchical", "interactive", "autonomous",
	"spatial", "temporal", "semantic", "implicit", "explicit", "latent", "discrete",
	"continuous", "autoregressive", "parallel", "agentic", "embodied", "zero-shot",
	"few-shot", "cross-lingual", "multilingual", "low-resource", "domain-specific",
	"general-purpose", "open-source", "proprietary", "synthetic", "human-annotated",
	"noisy", "verifiable", "interpretable", "faithful", "consistent", "controllable",
	"photorealistic", "3D", "4D", "egocentric", "long-horizon", "long-context",
	"training-free", "plug-and-play", "data-efficient", "compute-optimal",
	"memory-efficient", "hardware-aware", "privacy-preserving", "safety-critical",
	"reward-guided", "preference-based", "contrastive", "variational", "stochastic",
	"deterministic", "causal", "bidirectional", "recursive", "modular", "compositional",
	"physical", "clinical", "scientific", "mathematical", "symbolic", "neuro-symbolic",
	"on-policy", "off-policy", "offline", "online", "streaming", "asynchronous",
	"federated", "decentralized", "quantum", "biological", "geometric", "topological",
	"Bayesian", "Riemannian", "Lagrangian", "Hamiltonian", "stochastically-rounded",
	"isotropic", "anisotropic", "heavy-tailed", "ergodic", "idempotent", "palindromic",
}

// verbs in the third person singular ("the model ...s").
var verbs = []string{
	"improves", "outperforms", "enables", "achieves", "reduces", "generates",
	"learns", "leverages", "captures", "integrates", "combines", "supports",
	"preserves", "mitigates", "enhances", "scales", "predicts", "aligns",
	"retrieves", "decomposes", "refines", "synthesizes", "transfers", "exploits",
	"distills", "compresses", "accelerates", "stabilizes", "regularizes", "calibrates",
	"grounds", "verifies", "routes", "reweights", "unifies", "bridges", "disentangles",
	"amortizes", "sparsifies", "orthogonalizes", "marginalizes", "bootstraps",
}

// gerunds for titles and summaries.
var gerunds = []string{
	"Scaling", "Learning", "Improving", "Training", "Rethinking", "Teaching",
	"Understanding", "Evaluating", "Benchmarking", "Aligning", "Unlocking",
	"Towards", "Boosting", "Revisiting", "Generating", "Distilling", "Steering",
	"Compressing", "Accelerating", "Grounding", "Bridging", "Demystifying",
	"Probing", "Taming", "Harnessing", "Disentangling", "Reconciling",
}

var keyphrases = []string{
	"large language models", "reinforcement learning", "diffusion models",
	"vision-language models", "multimodal large language models", "chain-of-thought",
	"benchmark", "fine-tuning", "reasoning", "mixture-of-experts", "retrieval-augmented generation",
	"test-time scaling", "LLM agents", "video generation", "text-to-image generation",
	"reward model", "GRPO", "supervised fine-tuning", "preference optimization",
	"knowledge distillation", "attention mechanism", "KV cache", "long-context modeling",
	"instruction tuning", "in-context learning", "tool use", "code generation",
	"mathematical reasoning", "3D reconstruction", "Gaussian splatting", "world models",
	"embodied agents", "vision-language-action models", "speech recognition",
	"text-to-speech", "quantization", "speculative decoding", "sparse attention",
	"self-supervised learning", "contrastive learning", "flow matching", "latent diffusion",
	"autoregressive models", "tokenizer", "data curation", "synthetic data",
	"hallucination", "safety alignment", "jailbreak attacks", "red teaming",
	"LLM-as-a-judge", "process reward models", "verifiable rewards", "policy optimization",
	"on-policy distillation", "curriculum learning", "multi-agent systems",
	"GUI agents", "web agents", "deep research", "scientific discovery",
	"medical imaging", "protein design", "time series forecasting", "image editing",
	"video understanding", "audio generation", "music generation", "motion generation",
	"novel view synthesis", "depth estimation", "semantic segmentation", "object detection",
	"optical flow", "neural rendering", "point clouds", "state space models",
	"linear attention", "low-rank adaptation", "model merging", "continual learning",
	"machine unlearning", "mechanistic interpretability", "sparse autoencoders",
	"steering vectors", "uncertainty estimation", "calibration", "federated learning",
	"differential privacy", "watermarking", "optimal transport", "score distillation",
	"neural radiance fields", "SLAM", "sim-to-real transfer", "dexterous manipulation",
	"heteroscedastic regression", "Koopman operator", "sheaf neural networks",
}

var methodPrefixes = []string{
	"Flow", "Omni", "Uni", "Meta", "Hyper", "Deep", "Vision", "Reason", "Agent",
	"Token", "Long", "Fast", "Sparse", "Mix", "Open", "Auto", "Self", "Chain",
	"Graph", "Mem", "Video", "Speech", "Code", "Math", "Safe", "Align", "Dyn",
	"Quant", "Lite", "Any", "Pixel", "World", "Echo", "Nova", "Atlas", "Orion",
	"Lumen", "Env", "Scene", "Motion", "Think", "Plan", "Act", "Ref", "Step",
	"Spec", "Prism", "Helix", "Kairos", "Tessera",
}

var methodSuffixes = []string{
	"Former", "Gen", "Bench", "Agent", "Diff", "LM", "VLA", "RL", "Net", "Mind",
	"Coder", "Edit", "Zero", "R1", "Fusion", "Scope", "Pilot", "Bridge", "Verse",
	"Seg", "Sim", "Tok", "Mamba", "GPT", "VL", "Search", "Think", "Planner",
	"Harness", "Forge", "Lens", "Loop", "Craft", "Guard", "Map", "Star",
}

var methodTags = []string{"", "", "", "", "", "-2", "-VL", "-7B", "-R1", "++", "-Pro", "-Lite", "-o", "-X", "-3B", "-Zero"}

var benchmarks = []string{
	"MMLU", "GSM8K", "MATH-500", "HumanEval", "SWE-bench Verified", "AIME 2025",
	"GPQA-Diamond", "LiveCodeBench", "MMMU", "VBench", "ImageNet", "COCO",
	"MathVista", "Video-MME", "ARC-AGI", "BFCL", "WebArena", "OSWorld",
	"Terminal-Bench", "tau-bench", "GenEval", "DPG-Bench", "LongBench", "RULER",
	"HellaSwag", "BIG-Bench Hard", "ScanNet", "nuScenes", "LIBERO", "SimplerEnv",
	"MT-Bench", "AlpacaEval 2.0", "Arena-Hard", "HLE", "BrowseComp", "ChartQA",
	"DocVQA", "TextVQA", "LibriSpeech", "FLORES-200",
}

var domains = []string{
	"language modeling", "mathematical reasoning", "code generation", "visual question answering",
	"video generation", "image editing", "robot manipulation", "web navigation",
	"speech synthesis", "document understanding", "scientific discovery",
	"long-context retrieval", "3D scene reconstruction", "autonomous driving",
	"medical diagnosis", "software engineering", "multi-turn dialogue",
	"text-to-image generation", "theorem proving", "tool use", "GUI automation",
	"protein structure prediction", "weather forecasting", "music generation",
	"machine translation", "embodied navigation", "legal question answering",
}

var latexSnippets = []string{
	`$O(n^2)$`, `$O(n \log n)$`, `$\alpha$`, `$\beta$`, `$\lambda$`, `$k$`, `$\epsilon$`,
	`$\times$`, `$\ell_2$`, `$\tau$`, `$\pi_0$`, `$^2$`, `$\mathcal{O}(1)$`, `$\sqrt{T}$`,
	`$\nabla^2$`, `$\mathbb{R}^d$`, `$p(x \mid y)$`, `$\gamma$`, `$\sigma^2$`, `$\text{top-}k$`,
}

var firstNames = []string{
	"Wei", "Yi", "Jun", "Xin", "Yu", "Hao", "Jie", "Lei", "Jing", "Ming", "Chen",
	"Yang", "Zhe", "Yifan", "Jiaqi", "Haoran", "Zihan", "Yuxuan", "Ziyang", "Xiaoyu",
	"Chengsong", "Zifeng", "Rujun", "Peng", "Ke", "Han", "Yufan", "Yanfei", "Bo",
	"Tianyu", "Shuai", "Kai", "Jian", "Qi", "Ruiqi", "Siyuan", "Zhengyuan", "Xuan",
	"Minjun", "Jiwoo", "Seungwoo", "Hyunwoo", "Jaehyun", "Sora", "Yuki", "Takumi",
	"Haruto", "Kenji", "Aarav", "Priya", "Rahul", "Ananya", "Arjun", "Vikram",
	"Sneha", "Rohan", "Mohammed", "Ahmed", "Fatima", "Omar", "Layla", "Yusuf",
	"John", "Michael", "David", "Daniel", "James", "Sarah", "Emily", "Anna",
	"Thomas", "Alexander", "Maria", "Laura", "Julia", "Lucas", "Noah", "Emma",
	"Tomas", "Burak", "Elif", "Mehmet", "Ivan", "Dmitry", "Olga", "Sergey",
	"Giulia", "Marco", "Luca", "Sofia", "Pierre", "Camille", "Mathieu", "Chloé",
	"José", "María", "Andrés", "Sebastián", "Zoë", "Łukasz", "Søren", "Björn",
	"Ángel", "Thérèse", "Jürgen", "Inês", "João", "Nguyễn", "Chen-Yu",
	"Jean-Baptiste", "Hsin-Yi", "Ming-Hsuan", "Anne-Marie", "Kwan-Yee", "Yu-Chiang",
	"Bhavana", "Oluwaseun", "Chidi", "Amara", "Kwame", "Tendai",
}

var lastNames = []string{
	"Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou",
	"Xu", "Sun", "Ma", "Zhu", "Hu", "Guo", "He", "Lin", "Luo", "Gao", "Zheng",
	"Liang", "Xie", "Song", "Tang", "Han", "Feng", "Deng", "Cao", "Peng", "Zeng",
	"Xiao", "Tian", "Dong", "Pan", "Yuan", "Jiang", "Cai", "Yu", "Du", "Ye",
	"Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Tanaka", "Suzuki",
	"Sato", "Watanabe", "Nakamura", "Sharma", "Gupta", "Singh", "Patel", "Kumar",
	"Reddy", "Iyer", "Nair", "Smith", "Johnson", "Brown", "Miller", "Davis",
	"Wilson", "Taylor", "Anderson", "Clark", "Lewis", "Walker", "Hall", "Young",
	"Pfister", "Gokturk", "Mishra", "Müller", "Schmidt", "Schäfer", "Fischer",
	"Weber", "Wagner", "Dubois", "Lefèvre", "Moreau", "Rossi", "Bianchi", "Romano",
	"García", "Martínez", "Rodríguez", "López", "González", "Pérez", "Sánchez",
	"Nowak", "Kowalski", "Wiśniewski", "Novák", "Dvořák", "Jørgensen", "Åström",
	"Ivanov", "Petrov", "Smirnov", "Yılmaz", "Öztürk", "Nguyen", "Tran", "Pham",
	"García-López", "Fernández-Ruiz", "Smith-Jones", "Al-Hashimi", "El-Sayed",
	"Okafor", "Mensah", "Adeyemi", "Dalvi Mishra", "van der Berg", "de Souza",
}

// Names written in native scripts, used as whole author names.
var nativeNames = []string{
	"王伟", "李娜", "张敏", "刘洋", "陈静", "杨帆", "赵磊", "黄晓明", "周杰", "吴婷",
	"김민준", "이서연", "박지훈", "佐藤 健", "鈴木 一郎", "高橋 美咲", "Нгуен Ван",
	"Иван Петров", "Δημήτρης Παπαδόπουλος", "محمد علي",
}

type org struct{ name, fullname string }

var orgs = []org{
	{"nvidia", "NVIDIA"}, {"Tencent-Hunyuan", "Tencent Hunyuan"}, {"ByteDance-Seed", "ByteDance Seed"},
	{"ByteDance", "ByteDance"}, {"google", "Google"}, {"tencent", "Tencent"},
	{"PekingUniversity", "Peking University"}, {"kaist-ai", "KAIST AI"}, {"Tsinghua", "Tsinghua University"},
	{"Qwen", "Qwen"}, {"SJTU", "Shanghai Jiao Tong University"},
	{"NationalUniversityofSingapore", "National University of Singapore"},
	{"MicrosoftResearch", "Microsoft Research"}, {"microsoft", "Microsoft"}, {"KlingTeam", "Kling Team"},
	{"alibaba-inc", "Alibaba Group"}, {"ZhejiangUniversity", "Zhejiang University"},
	{"UIUC-CS", "University of Illinois Urbana-Champaign"}, {"facebook", "AI at Meta"},
	{"OpenMOSS-Team", "OpenMOSS"}, {"ShanghaiAiLab", "Shanghai AI Laboratory"},
	{"hkuhk", "The University of Hong Kong"}, {"meituan-longcat", "Meituan LongCat"},
	{"Fudan-University", "Fudan University"}, {"CarnegieMellonU", "Carnegie Mellon University"},
	{"deepmind", "Google DeepMind"}, {"SeoulNatlUniv", "Seoul National University"},
	{"Technion", "Technion – Israel Institute of Technology"}, {"stanfordnlp", "Stanford NLP"},
	{"allenai", "Ai2"}, {"mit-han-lab", "MIT HAN Lab"}, {"EPFL", "EPFL"},
	{"ETH-Zurich", "ETH Zürich"}, {"Salesforce", "Salesforce"}, {"apple", "Apple"},
	{"amazon", "Amazon"}, {"huggingface", "Hugging Face"}, {"mistralai", "Mistral AI"},
	{"deepseek-ai", "DeepSeek"}, {"moonshotai", "Moonshot AI"}, {"zai-org", "Z.ai"},
	{"HKUST", "Hong Kong University of Science and Technology"}, {"NTU-SG", "Nanyang Technological University"},
	{"UCBerkeley", "UC Berkeley"}, {"ucla", "UCLA"}, {"mila-quebec", "Mila – Québec AI Institute"},
	{"unitokyo", "東京大学 The University of Tokyo"}, {"lg-ai", "LG AI Research"},
}
