import { builder } from "../../builder.js";
import {
  AgendaItemStatus,
  AreaKind,
  AttendanceMode,
  BallotType,
  BookingStatus,
  BudgetRoundStatus,
  CouncilKind,
  CountingUnit,
  Locale,
  MeetingMode,
  MeetingStatus,
  MembershipStatus,
  PostKind,
  ProposalCategory,
  ProposalStatus,
  Role,
  Satisfaction,
  SpeakerStatus,
  Stance,
  SubjectType,
  SuggestionCategory,
  SuggestionChannel,
  SuggestionStatus,
  TextMessageKind,
  ThresholdRule,
  TopicSource,
  TopicStatus,
  TransferRole,
  TransferStatus,
  VoteStatus,
  VoteSubject,
} from "../../generated/prisma/enums.js";

// GraphQL enums mirror the database's, one definition each.
export const LocaleEnum = builder.enumType(Locale, { name: "Locale" });
export const RoleEnum = builder.enumType(Role, { name: "Role" });
export const AreaKindEnum = builder.enumType(AreaKind, { name: "AreaKind" });
export const MembershipStatusEnum = builder.enumType(MembershipStatus, { name: "MembershipStatus" });
export const CouncilKindEnum = builder.enumType(CouncilKind, { name: "CouncilKind" });
export const PostKindEnum = builder.enumType(PostKind, { name: "PostKind" });
export const SubjectTypeEnum = builder.enumType(SubjectType, { name: "SubjectType" });

export const TopicStatusEnum = builder.enumType(TopicStatus, { name: "TopicStatus" });
export const TopicSourceEnum = builder.enumType(TopicSource, { name: "TopicSource" });
export const StanceEnum = builder.enumType(Stance, { name: "Stance" });

export const MeetingModeEnum = builder.enumType(MeetingMode, { name: "MeetingMode" });
export const MeetingStatusEnum = builder.enumType(MeetingStatus, { name: "MeetingStatus" });
export const AgendaItemStatusEnum = builder.enumType(AgendaItemStatus, { name: "AgendaItemStatus" });
export const AttendanceModeEnum = builder.enumType(AttendanceMode, { name: "AttendanceMode" });
export const SpeakerStatusEnum = builder.enumType(SpeakerStatus, { name: "SpeakerStatus" });

export const ProposalCategoryEnum = builder.enumType(ProposalCategory, { name: "ProposalCategory" });
export const ProposalStatusEnum = builder.enumType(ProposalStatus, { name: "ProposalStatus" });
export const BudgetRoundStatusEnum = builder.enumType(BudgetRoundStatus, { name: "BudgetRoundStatus" });

export const VoteSubjectEnum = builder.enumType(VoteSubject, { name: "VoteSubject" });
export const BallotTypeEnum = builder.enumType(BallotType, { name: "BallotType" });
export const CountingUnitEnum = builder.enumType(CountingUnit, { name: "CountingUnit" });
export const ThresholdRuleEnum = builder.enumType(ThresholdRule, { name: "ThresholdRule" });
export const VoteStatusEnum = builder.enumType(VoteStatus, { name: "VoteStatus" });

export const SuggestionCategoryEnum = builder.enumType(SuggestionCategory, { name: "SuggestionCategory" });
export const SuggestionChannelEnum = builder.enumType(SuggestionChannel, { name: "SuggestionChannel" });
export const SuggestionStatusEnum = builder.enumType(SuggestionStatus, { name: "SuggestionStatus" });
export const TransferRoleEnum = builder.enumType(TransferRole, { name: "TransferRole" });
export const TransferStatusEnum = builder.enumType(TransferStatus, { name: "TransferStatus" });
export const SatisfactionEnum = builder.enumType(Satisfaction, { name: "Satisfaction" });
export const TextMessageKindEnum = builder.enumType(TextMessageKind, { name: "TextMessageKind" });
export const BookingStatusEnum = builder.enumType(BookingStatus, { name: "BookingStatus" });
