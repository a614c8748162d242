"""GraphQL queries that more than one test module asks."""

FULL_GUIDE_QUERY = """
query Guide($path: String!) {
  roleGuide(urlPath: $path) {
    title roleName year intro
    category { name slug }
    body {
      blockType
      ... on SectionBlock { heading body }
      ... on SkillsListBlock { heading skills { name tools { name slug } } }
      ... on DayInTheLifeBlock { heading moments { label narrative } }
      ... on CareerPathBlock { heading levels { title summary } }
      ... on SalaryTableBlock {
        heading currency sourceNote asOfYear
        rows {
          level levelDisplay currency experienceMinYears experienceMaxYears experienceDisplay
          baseSalaryMin baseSalaryMax baseSalaryDisplay
          equityBonusPercentMin equityBonusPercentMax equityBonusDisplay
          internMonthlyMin internMonthlyMax internMonthlyDisplay
        }
      }
      ... on CompaniesHiringBlock { heading companies { name } }
      ... on CallToActionBlock { heading text buttonLabel href }
      ... on FaqBlock { heading entries { question answer topic } }
    }
  }
}
"""
