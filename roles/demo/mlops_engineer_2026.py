"""The MLOps Engineer 2026 demo guide.

Facts and figures (headings, skills, tools, levels, salaries, FAQ questions) match the
example page in `shared/seed/mlops-engineer-2026.txt` exactly; the prose is our own.
"""

CATEGORY = {"name": "Machine Learning", "slug": "machine-learning"}

GUIDE = {
    "title": "MLOps Engineer Jobs & Internships 2026",
    "slug": "mlops-engineer-2026",
    "role_name": "MLOps Engineer",
    "year": 2026,
    "intro": (
        "MLOps engineers keep machine learning working after the demo: they ship models to "
        "production, watch how those models behave, and retrain them when quality slips. "
        "As companies move past prototypes, this work has become a bottleneck and a prized "
        "specialism, drawing on software engineering, data engineering and DevOps along with "
        "a solid grasp of the ML lifecycle. Startups and hyperscalers alike are hiring."
    ),
}

WHAT_THEY_DO = {
    "heading": "What Does a MLOps Engineer Do?",
    "body": (
        "<p>They build CI/CD pipelines shaped for machine learning, so a model can travel from "
        "a data scientist's notebook to a production API without hand-offs. They run feature "
        "stores that serve the same precomputed features to training and to live traffic, "
        "which keeps the two from drifting apart.</p>"
        "<p>Monitoring takes much of the week: dashboards for model accuracy, data drift and "
        "infrastructure health, with alerts that reach the on-call engineer before users "
        "notice. They look after model registries and versioning, so a bad release can be "
        "rolled back quickly, and they keep costs in check by making GPU training jobs "
        "efficient and letting inference clusters scale with demand.</p>"
    ),
}

SKILLS_HEADING = "Required Skills & Qualifications"
SKILLS = [
    ("ML pipeline orchestration", ["Apache Airflow", "Kubeflow", "Metaflow"]),
    ("Feature store design and implementation", ["Feast", "Tecton", "Hopsworks"]),
    ("Model serving infrastructure", ["BentoML", "Triton Inference Server", "SageMaker"]),
    ("Data and model drift detection", ["Evidently AI", "WhyLabs"]),
    ("Container orchestration and Helm chart management", ["Kubernetes", "Helm"]),
    ("Infrastructure as code and GitOps workflows", ["Terraform"]),
    ("Experiment tracking and model registry", ["MLflow", "Weights & Biases"]),
    ("CI/CD pipelines adapted for ML workflows", ["GitHub Actions", "GitLab CI"]),
]

DAY_HEADING = "A Day in the Life of a MLOps Engineer"
DAY_MOMENTS = [
    (
        "Morning",
        "First stop is the overnight alerts. Serving latency jumped in the small hours; the "
        "trail leads to an unusually large burst of requests landing on a replica that was "
        "sized too small, so you fix the scaling policy.",
    ),
    (
        "Late morning",
        "A data scientist has opened a pull request adding a feature to the feature store. "
        "You check that its backfill treats historical data correctly and will not open a gap "
        "between training and serving.",
    ),
    (
        "Afternoon",
        "Planning with the platform team: together you sketch an automated retraining "
        "pipeline that starts whenever data drift crosses agreed thresholds.",
    ),
    (
        "End of day",
        "You write up the scaling incident in the runbook and add a test so the same failure "
        "cannot slip through again.",
    ),
]

CAREER_HEADING = "Career Path & Salary Progression"
CAREER_LEVELS = [
    "MLOps Intern",
    "MLOps Engineer I",
    "MLOps Engineer II",
    "Senior MLOps Engineer",
    "Staff MLOps Engineer / ML Infrastructure Lead",
]

SALARY_TABLE = {
    "heading": "",
    "currency": "USD",
    "source_note": "Salary data sourced from Levels.fyi, Glassdoor, and company disclosures.",
    "as_of_year": 2026,
    "rows": [
        {"level": "Intern", "intern_monthly_min": 8000, "intern_monthly_max": 12000},
        {
            "level": "Entry-Level",
            "experience_min_years": 0,
            "experience_max_years": 2,
            "base_salary_min": 125000,
            "base_salary_max": 175000,
            "equity_bonus_percent_min": 20,
            "equity_bonus_percent_max": 40,
        },
        {
            "level": "Mid-Level",
            "experience_min_years": 3,
            "experience_max_years": 5,
            "base_salary_min": 175000,
            "base_salary_max": 245000,
            "equity_bonus_percent_min": 30,
            "equity_bonus_percent_max": 60,
        },
        {
            "level": "Senior",
            "experience_min_years": 5,
            "experience_max_years": 8,
            "base_salary_min": 245000,
            "base_salary_max": 340000,
            "equity_bonus_percent_min": 50,
            "equity_bonus_percent_max": 100,
        },
    ],
}

COMPANIES_HEADING = "Top Companies Hiring MLOps Engineers"

CALL_TO_ACTION = {
    "heading": "Apply for MLOps Engineer Roles",
    "text": (
        "Send us your profile and a PropelGrad recruiter will work with you towards an "
        "interview for MLOps engineer internships and entry-level roles at leading companies."
    ),
    "button_label": "Submit your profile",
}

FAQ_HEADING = "MLOps Engineer — Frequently Asked Questions"
FAQ_TOPIC = "MLOps"
FAQS = [
    (
        "Is MLOps the same as DevOps for machine learning?",
        "<p>It starts from DevOps practice (CI/CD, infrastructure as code, monitoring) and "
        "then adds what machine learning needs on top: training pipelines, feature stores, "
        "drift and reproducible experiments, which ordinary DevOps tooling does not cover. "
        "An MLOps engineer has to understand the whole ML lifecycle, not only deployment.</p>",
    ),
    (
        "What cloud platforms do MLOps engineers use most?",
        "<p>The big managed platforms are AWS SageMaker, Google Vertex AI and Azure Machine "
        "Learning. Larger companies that want more control often build their own stack "
        "directly on Kubernetes. Employers expect you to know at least one major cloud's ML "
        "platform well.</p>",
    ),
    (
        "Do MLOps engineers write ML models themselves?",
        "<p>Usually not: data scientists and ML engineers write the models, and MLOps "
        "engineers build the platform they run on. Still, you need to understand how models "
        "work to design good pipelines, debug odd behaviour and talk with the people who "
        "wrote them.</p>",
    ),
    (
        "What certifications are useful for MLOps engineers?",
        "<p>The AWS Machine Learning Specialty, Google Professional ML Engineer and Azure AI "
        "Engineer certifications each show cloud-specific MLOps skills, and the CKA "
        "(Certified Kubernetes Administrator) helps for infrastructure-heavy roles. At most "
        "top employers, hands-on project experience counts for more than certificates.</p>",
    ),
    (
        "How quickly can a software engineer transition into MLOps?",
        "<p>A software engineer with solid DevOps experience can usually make the move in 3–6 "
        "months by learning ML fundamentals and building a few end-to-end MLOps projects. "
        "The ML side is the hard part: knowing what a feature store is for, why "
        "training-serving skew matters and how model quality is judged takes focused "
        "study.</p>",
    ),
]
