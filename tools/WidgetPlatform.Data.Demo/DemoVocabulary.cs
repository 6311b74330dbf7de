namespace WidgetPlatform.Data.Demo;

/// <summary>The value sets of the demo study, shaped like a clinical trial's SDTM domains.</summary>
internal static class DemoVocabulary
{
    public static readonly string[] Severities = ["MILD", "MODERATE", "SEVERE"];

    public static readonly string[] Terms =
    [
        "Headache", "Nausea", "Fatigue", "Dizziness", "Diarrhoea", "Vomiting", "Rash", "Pyrexia", "Cough", "Insomnia",
        "Arthralgia", "Back pain", "Myalgia", "Constipation", "Abdominal pain", "Anaemia", "Hypertension", "Oedema peripheral",
        "Dyspnoea", "Pruritus", "Nasopharyngitis", "Anxiety", "Decreased appetite", "Alopecia", "Céphalée", "Übelkeit",
        "Neutropenia", "Thrombocytopenia", "Peripheral neuropathy", "Upper respiratory tract infection",
    ];

    public static readonly string[] Arms = ["PLACEBO", "DRUG 10 MG", "DRUG 20 MG"];

    public static readonly string[] Sexes = ["F", "M"];

    public static readonly (string Test, string Unit, double Mean, double Spread)[] VitalTests =
    [
        ("SYSBP", "mmHg", 128, 14), ("DIABP", "mmHg", 80, 9), ("PULSE", "beats/min", 72, 10), ("TEMP", "C", 36.8, 0.4),
    ];

    public static string Site(int index) => $"S{index + 1:00}";

    public static string Subject(int index) => $"SUBJ-{index + 1:000000}";
}
