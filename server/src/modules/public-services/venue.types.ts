import { Field, ID, Int, ObjectType } from "type-graphql";
import { VenueKind } from "./venue.enums";

@ObjectType({ description: "Where a catalogue service is offered today: an open venue and the counter serving it. Public: nothing else of the venue is shown." })
export class ServiceLocation {
  @Field(() => ID, { description: "Usable as publicServices(venueId)." }) venueId: number;
  @Field() venueName: string;
  @Field(() => VenueKind) venueKind: VenueKind;
  @Field() address: string;
  @Field(() => String, { nullable: true }) openingHours: string | null;
  @Field(() => Int) counterNumber: number;
}
